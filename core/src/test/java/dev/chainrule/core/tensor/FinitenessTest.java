package dev.chainrule.core.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The scan finds a NaN or an infinity wherever it sits, in either dtype, including the tail that
 * the four-way loop leaves to its remainder, and only there.
 */
class FinitenessTest {
  private static final double[] BAD = {Double.NaN, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY};

  @Test
  void everyPositionOfEveryLengthIsFoundInFloat64() {
    for (int n = 1; n <= 11; n++) {
      Tensor t = Tensor.full(Shape.of(n), -2.5);
      assertTrue(Finiteness.allFinite(t));
      assertEquals(-1, Finiteness.firstNonFinite(t));
      for (int at = 0; at < n; at++) {
        for (double bad : BAD) {
          t.fillInPlace(Double.MAX_VALUE);
          t.buffer()[at] = bad;
          assertFalse(Finiteness.allFinite(t), "n " + n + " at " + at);
          assertEquals(at, Finiteness.firstNonFinite(t), "n " + n + " at " + at);
          assertEquals(bad, Finiteness.valueAt(t, at));
        }
      }
    }
  }

  @Test
  void everyPositionOfEveryLengthIsFoundInFloat32() {
    for (int n = 1; n <= 7; n++) {
      float[] f = new float[n];
      java.util.Arrays.fill(f, Float.MAX_VALUE);
      Tensor t = Tensor.wrapFloats(Shape.of(n), f);
      assertEquals(-1, Finiteness.firstNonFinite(t));
      for (int at = 0; at < n; at++) {
        java.util.Arrays.fill(f, -Float.MAX_VALUE);
        f[at] = Float.NEGATIVE_INFINITY;
        assertEquals(at, Finiteness.firstNonFinite(t), "n " + n + " at " + at);
        assertEquals(Double.NEGATIVE_INFINITY, Finiteness.valueAt(t, at));
      }
    }
  }

  @Test
  void theFirstOfSeveralIsReportedAndARangeSeesOnlyItself() {
    double[] d = {1, 2, Double.NaN, 4, Double.POSITIVE_INFINITY, 6, 7};
    assertEquals(2, Finiteness.firstNonFinite(Tensor.of(d, 7)));
    assertTrue(Finiteness.allFinite(d, 0, 2));
    assertTrue(Finiteness.allFinite(d, 5, 7));
    assertFalse(Finiteness.allFinite(d, 3, 7));
  }
}
