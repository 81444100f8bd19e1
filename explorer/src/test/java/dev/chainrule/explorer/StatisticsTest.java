package dev.chainrule.explorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.Tensor;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The panel's statistics against values worked out by hand. */
class StatisticsTest {
  @Test
  void oneTwoThreeFour() {
    Statistics s = Statistics.of(Tensor.of(new double[] {4, 1, 3, 2}, 2, 2));
    assertEquals(4, s.count());
    assertEquals(2.5, s.mean(), 1e-15);
    assertEquals(Math.sqrt(1.25), s.sd(), 1e-15);
    assertEquals(1, s.min());
    assertEquals(4, s.max());
    int[] bins = new int[Statistics.BINS];
    bins[0] = 1; // 1
    bins[5] = 1; // 2: (2 − 1)/3 · 16 = 5.33
    bins[10] = 1; // 3: 10.67
    bins[15] = 1; // 4, the maximum, in the last bin
    assertArrayEquals(bins, s.bins());
  }

  @Test
  void nonFiniteElementsAreCountedAndLeftOutOfTheRest() {
    Statistics s = Statistics.of(Tensor.of(new double[] {Double.NaN, 2, Double.POSITIVE_INFINITY,
        2}, 4));
    assertEquals(2, s.nonFinite());
    assertEquals(2, s.mean());
    assertEquals(0, s.sd());
    assertEquals(2, s.bins()[0]);
    Statistics none = Statistics.of(Tensor.of(new double[] {Double.NaN}, 1));
    assertEquals(null, none.json().get("mean"));
  }

  @Property(tries = 200)
  void everyFiniteElementFallsInOneBinBetweenMinAndMax(
      @ForAll @Size(min = 1, max = 50) double[] values) {
    double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
    Statistics s = Statistics.of(Tensor.of(values, values.length));
    assertEquals(finite.length, Arrays.stream(s.bins()).sum());
    if (finite.length > 0) {
      assertTrue(s.min() <= s.mean() && s.mean() <= s.max() || s.max() - s.min()
          > Double.MAX_VALUE / 4, s.toString());
    }
  }

  @Property(tries = 200)
  void binsAreInRange(@ForAll @DoubleRange(min = -1e6, max = 1e6) double x,
      @ForAll @DoubleRange(min = -1e6, max = 1e6) double y) {
    double min = Math.min(x, y);
    double max = Math.max(x, y);
    int b = Statistics.bin(x, min, max);
    assertTrue(b >= 0 && b < Statistics.BINS, b + " for " + x + " in [" + min + ", " + max + "]");
  }
}
