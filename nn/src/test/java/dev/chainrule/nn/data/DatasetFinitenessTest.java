package dev.chainrule.nn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * A data set holds finite numbers only: NaN or an infinity among the features or targets, or a
 * value that overflows float32 in a conversion, is refused when the set is built, naming the set,
 * the sample and the column.
 */
class DatasetFinitenessTest {
  /** Four samples of three features, 0.5 everywhere but {@code bad} at (sample, feature). */
  private static Tensor features(int sample, int feature, double bad) {
    Tensor t = Tensor.full(Shape.of(4, 3), 0.5);
    t.buffer()[sample * 3 + feature] = bad;
    return t;
  }

  private static void refused(String expected, Runnable build) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void aNaNFeatureIsRefusedWithItsSampleAndFeature() {
    refused("dataset 'iris': sample 2 has NaN at feature 1; every feature of a sample must be a "
        + "finite number", () -> Dataset.classification("iris", features(2, 1, Double.NaN),
            new int[] {0, 1, 0, 1}, 2));
    refused("dataset 'b': sample 3 has -Infinity at feature 2", () -> Dataset.binary("b",
        features(3, 2, Double.NEGATIVE_INFINITY), new int[] {0, 1, 0, 1}));
  }

  @Test
  void aNonFiniteRegressionTargetIsRefused() {
    Tensor targets = Tensor.of(new double[] {1, 2, Double.POSITIVE_INFINITY, 4}, 4, 1);
    refused("dataset 'r': sample 2 has Infinity at output 0; every output of a sample must be a "
        + "finite number", () -> Dataset.regression("r", features(0, 0, 0.5), targets));
  }

  @Test
  void newFeaturesAreCheckedToo() {
    Dataset d = Dataset.classification("d", features(0, 0, 0.5), new int[] {0, 1, 0, 1}, 2);
    refused("dataset 'd': sample 1 has NaN at feature 0",
        () -> d.withFeatures(features(1, 0, Double.NaN)));
  }

  @Test
  void aFloat32ConversionThatOverflowsIsRefused() {
    Dataset d = Dataset.classification("big", features(1, 2, 1e300), new int[] {0, 1, 0, 1}, 2);
    assertEquals(1e300, d.features().get(1, 2));
    refused("dataset 'big': sample 1 has Infinity at feature 2; every feature of a sample must "
        + "be a finite number (in float32", () -> d.to(DType.FLOAT32));
    float[] f = new float[12];
    f[7] = Float.NaN;
    refused("sample 2 has NaN at feature 1", () -> Dataset.classification("f32",
        Tensor.wrapFloats(Shape.of(4, 3), f), new int[] {0, 1, 0, 1}, 2));
  }
}
