package dev.chainrule.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DatasetTest {
  /** Five samples, two features: sample i is (i, 10·i), label i mod 3. */
  private static Dataset five() {
    double[] f = new double[10];
    for (int i = 0; i < 5; i++) {
      f[2 * i] = i;
      f[2 * i + 1] = 10 * i;
    }
    return Dataset.classification("five", Tensor.of(f, 5, 2), new int[] {0, 1, 2, 0, 1}, 3);
  }

  @Test
  void classificationBuildsOneHotTargets() {
    Dataset d = five();
    assertEquals(5, d.size());
    assertEquals(2, d.featureCount());
    assertEquals(3, d.outputCount());
    assertEquals(3, d.classCount());
    assertTrue(d.hasLabels());
    assertEquals(Tensor.matrix(new double[] {1, 0, 0}, new double[] {0, 1, 0},
        new double[] {0, 0, 1}, new double[] {1, 0, 0}, new double[] {0, 1, 0}), d.targets());
    assertArrayEquals(new int[] {2, 2, 1}, d.classCounts());
  }

  @Test
  void binaryTargetsAreOneColumnOfZerosAndOnes() {
    Dataset d = Dataset.binary("b", Tensor.zeros(3, 2), new int[] {1, 0, 1});
    assertEquals(Shape.of(3, 1), d.targets().shape());
    assertArrayEquals(new double[] {1, 0, 1}, d.targets().toArray());
    assertEquals(Shape.of(3, 2), d.withOneHotTargets().targets().shape());
    assertArrayEquals(new double[] {0, 1, 1, 0, 0, 1}, d.withOneHotTargets().targets().toArray());
    assertEquals(d.targets(), d.withOneHotTargets().withBinaryTargets().targets());
  }

  @Test
  void labelOutOfRangeNamesLabelSampleAndRange() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Dataset.classification("digits", Tensor.zeros(3, 1), new int[] {0, 10, 1}, 10));
    assertTrue(e.getMessage().contains("label 10 of sample 1"), e.getMessage());
    assertTrue(e.getMessage().contains("0..9"), e.getMessage());
    assertTrue(e.getMessage().contains("digits"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Dataset.binary("b", Tensor.zeros(1, 1), new int[] {-1}));
  }

  @Test
  void mismatchedShapesAreRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> Dataset.classification("x", Tensor.zeros(3, 1), new int[] {0, 1}, 2));
    assertThrows(IllegalArgumentException.class,
        () -> Dataset.regression("x", Tensor.zeros(3, 1), Tensor.zeros(2, 1)));
    assertThrows(IllegalArgumentException.class,
        () -> Dataset.regression("x", Tensor.zeros(3), Tensor.zeros(3, 1)));
  }

  @Test
  void accessorsReturnCopies() {
    Dataset d = five();
    d.features().buffer()[0] = 99;
    d.targets().buffer()[0] = 99;
    d.labels()[0] = 2;
    assertEquals(0, d.features().get(0, 0));
    assertEquals(1, d.targets().get(0, 0));
    assertEquals(0, d.label(0));
  }

  @Test
  void columnLayoutIsTheTranspose() {
    Dataset d = five();
    Tensor columns = d.featuresColumns();
    assertEquals(Shape.of(2, 5), columns.shape());
    assertArrayEquals(new double[] {0, 1, 2, 3, 4, 0, 10, 20, 30, 40}, columns.toArray());
    assertEquals(Shape.of(3, 5), d.targetsColumns().shape());
    assertEquals(1, d.targetsColumns().get(2, 2));
  }

  @Test
  void sliceAndSubsetPickRows() {
    Dataset d = five();
    Dataset s = d.slice(1, 3);
    assertEquals(2, s.size());
    assertArrayEquals(new double[] {1, 10, 2, 20}, s.features().toArray());
    assertArrayEquals(new int[] {1, 2}, s.labels());
    Dataset sub = d.subset(new int[] {4, 0, 4});
    assertArrayEquals(new double[] {4, 40, 0, 0, 4, 40}, sub.features().toArray());
    assertArrayEquals(new int[] {1, 0, 1}, sub.labels());
    assertEquals(0, d.slice(2, 2).size());
    assertThrows(IndexOutOfBoundsException.class, () -> d.slice(3, 6));
    assertThrows(IndexOutOfBoundsException.class, () -> d.subset(new int[] {5}));
  }

  @Test
  void splitPartitionsTheSamplesReproducibly() {
    int n = 50;
    double[] f = IntStream.range(0, n).asDoubleStream().toArray();
    Dataset d = Dataset.regression("r", Tensor.of(f, n, 1), Tensor.of(f, n, 1));
    Dataset.Split a = d.split(0.8, 7);
    assertEquals(40, a.train().size());
    assertEquals(10, a.validation().size());
    double[] all = new double[n];
    System.arraycopy(a.train().features().toArray(), 0, all, 0, 40);
    System.arraycopy(a.validation().features().toArray(), 0, all, 40, 10);
    double[] sorted = all.clone();
    Arrays.sort(sorted);
    assertArrayEquals(f, sorted);
    assertFalse(Arrays.equals(f, all), "the split should shuffle");
    assertArrayEquals(all, concat(d.split(0.8, 7)));
    assertFalse(Arrays.equals(all, concat(d.split(0.8, 8))));
    assertEquals("r/train", a.train().name());
    assertThrows(IllegalArgumentException.class, () -> d.split(1.5, 1));
  }

  private static double[] concat(Dataset.Split s) {
    double[] t = s.train().features().toArray();
    double[] v = s.validation().features().toArray();
    double[] all = Arrays.copyOf(t, t.length + v.length);
    System.arraycopy(v, 0, all, t.length, v.length);
    return all;
  }

  @Test
  void regressionHasNoLabels() {
    Dataset d = Dataset.regression("r", Tensor.zeros(2, 1), Tensor.zeros(2, 3));
    assertFalse(d.hasLabels());
    assertEquals(0, d.classCount());
    IllegalStateException e = assertThrows(IllegalStateException.class, d::labels);
    assertTrue(e.getMessage().contains("regression"), e.getMessage());
  }

  @Test
  void withFeaturesKeepsTargets() {
    Dataset d = five().withFeatures(Tensor.ones(5, 4));
    assertEquals(4, d.featureCount());
    assertArrayEquals(new int[] {0, 1, 2, 0, 1}, d.labels());
    assertThrows(IllegalArgumentException.class, () -> d.withFeatures(Tensor.ones(4, 4)));
  }
}
