package dev.chainrule.core.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The summary of an array's finite elements, against values worked out by hand. */
class FiniteStatisticsTest {
  /** Finite 4, 1, 3, 2: sum 10, mean 2.5, Σ(v − 2.5)² = 5, sd √(5/4); NaN and ±∞ left out. */
  @Test
  void finiteElementsOnly() {
    double[] v = {4, Double.NaN, 1, Double.POSITIVE_INFINITY, 3, Double.NEGATIVE_INFINITY, 2};
    FiniteStatistics s = FiniteStatistics.of(v);
    assertEquals(new FiniteStatistics(4, 10, 1, 4), s);
    assertEquals(2.5, s.mean(), 0.0);
    assertEquals(Math.sqrt(1.25), s.sd(v, s.mean()), 1e-15);
  }

  /** About the centre 0 instead of the mean 2.5: Σ v² = 30, sd √(30/4). */
  @Test
  void deviationIsAboutTheCentreGiven() {
    double[] v = {4, 1, 3, 2};
    assertEquals(Math.sqrt(7.5), FiniteStatistics.of(v).sd(v, 0.0), 1e-15);
  }

  @Test
  void noFiniteElementGivesNaNMeanAndDeviation() {
    double[] v = {Double.NaN, Double.POSITIVE_INFINITY};
    FiniteStatistics s = FiniteStatistics.of(v);
    assertEquals(0, s.count());
    assertTrue(Double.isNaN(s.mean()));
    assertTrue(Double.isNaN(s.sd(v, s.mean())));
    assertEquals(Double.POSITIVE_INFINITY, s.min());
    assertEquals(Double.NEGATIVE_INFINITY, s.max());
  }
}
