package dev.chainrule.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ScalerTest {
  private static final double EPS = 1e-12;

  /**
   * Feature 0 is 1, 2, 3, 6: mean 3, squared deviations 4, 1, 0, 9, population variance 14/4 =
   * 3.5. Feature 1 is constant 5. Feature 2 is -2, 0, 0, 2: mean 0, variance 8/4 = 2.
   */
  private static Tensor train() {
    return Tensor.matrix(new double[] {1, 5, -2}, new double[] {2, 5, 0},
        new double[] {3, 5, 0}, new double[] {6, 5, 2});
  }

  @Test
  void standardisationUsesMeanAndPopulationStd() {
    Scaler s = Scaler.standard(train());
    assertArrayEquals(new double[] {3, 5, 0}, s.offsets(), EPS);
    assertArrayEquals(new double[] {Math.sqrt(3.5), 1, Math.sqrt(2)}, s.scales(), EPS);
    Tensor z = s.transform(train());
    assertArrayEquals(new double[] {-2 / Math.sqrt(3.5), 0, -2 / Math.sqrt(2)},
        z.toMatrix()[0], EPS);
    assertArrayEquals(new double[] {3 / Math.sqrt(3.5), 0, 2 / Math.sqrt(2)}, z.toMatrix()[3],
        EPS);
  }

  @Test
  void fittedOnTrainAppliedUnchangedToOtherData() {
    Scaler s = Scaler.standard(train());
    Tensor other = Tensor.matrix(new double[] {10, 7, 1});
    assertArrayEquals(new double[] {7 / Math.sqrt(3.5), 2, 1 / Math.sqrt(2)},
        s.transform(other).toArray(), EPS);
    assertArrayEquals(other.toArray(), s.inverseTransform(s.transform(other)).toArray(), EPS);
  }

  @Test
  void zeroVarianceGivesZerosNotNaN() {
    Tensor z = Scaler.standard(Tensor.full(Shape.of(3, 2), 4.0))
        .transform(Tensor.matrix(new double[] {4, 4}, new double[] {5, 3}));
    assertArrayEquals(new double[] {0, 0, 1, -1}, z.toArray(), EPS);
    Tensor m = Scaler.minMax(train()).transform(train());
    for (double v : m.toArray()) {
      assertTrue(Double.isFinite(v));
    }
  }

  @Test
  void minMaxMapsTheFittedRangeToUnitInterval() {
    Scaler s = Scaler.minMax(train());
    assertArrayEquals(new double[] {1, 5, -2}, s.offsets(), EPS);
    assertArrayEquals(new double[] {5, 1, 4}, s.scales(), EPS);
    Tensor m = s.transform(train());
    assertArrayEquals(new double[] {0, 0, 0, 0.2, 0, 0.5, 0.4, 0, 0.5, 1, 0, 1}, m.toArray(),
        EPS);
    assertArrayEquals(new double[] {1.8, 0, -0.25},
        s.transform(Tensor.matrix(new double[] {10, 5, -3})).toArray(), EPS);
  }

  @Test
  void datasetTransformKeepsLabels() {
    Dataset d = Dataset.classification("d", train(), new int[] {0, 1, 1, 0}, 2);
    Dataset scaled = Scaler.minMax(d).transform(d);
    assertArrayEquals(new int[] {0, 1, 1, 0}, scaled.labels());
    assertEquals(d.targets(), scaled.targets());
    assertEquals(1.0, scaled.features().get(3, 0), EPS);
    assertEquals(2.0, d.features().get(1, 0), "the original dataset is unchanged");
  }

  @Test
  void featureCountMismatchIsNamed() {
    Scaler s = Scaler.standard(train());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> s.transform(Tensor.zeros(2, 4)));
    assertTrue(e.getMessage().contains("fitted on 3 features"), e.getMessage());
    assertTrue(e.getMessage().contains("(2, 4) with 4 features"), e.getMessage());
    Dataset wide = Dataset.regression("wide", Tensor.zeros(2, 5), Tensor.zeros(2, 1));
    e = assertThrows(IllegalArgumentException.class, () -> s.transform(wide));
    assertTrue(e.getMessage().contains("'wide' with 5 features"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Scaler.minMax(Tensor.zeros(0, 3)));
    assertThrows(IllegalArgumentException.class, () -> Scaler.standard(Tensor.zeros(3)));
  }
}
