package dev.chainrule.explorer;

import dev.chainrule.core.tensor.FiniteStatistics;
import dev.chainrule.core.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tensor summarised for the node panel: element count, mean, standard deviation, minimum,
 * maximum, how many elements are not finite, and a histogram of the finite ones in {@value #BINS}
 * equal bins from the minimum to the maximum.
 *
 * @param count the number of elements
 * @param mean the mean of the finite elements
 * @param sd their population standard deviation
 * @param min the smallest finite element
 * @param max the largest finite element
 * @param nonFinite how many elements are NaN or infinite
 * @param bins the histogram's counts, first bin at {@code min}
 */
record Statistics(int count, double mean, double sd, double min, double max, int nonFinite,
    int[] bins) {
  /** The number of histogram bins. */
  static final int BINS = 16;

  /** Returns the statistics of {@code t}'s elements. */
  static Statistics of(Tensor t) {
    double[] v = t.buffer();
    FiniteStatistics s = FiniteStatistics.of(v);
    int[] bins = new int[BINS];
    for (double x : v) {
      if (Double.isFinite(x)) {
        bins[bin(x, s.min(), s.max())]++;
      }
    }
    boolean none = s.count() == 0;
    return new Statistics(v.length, s.mean(), s.sd(v, s.mean()), none ? Double.NaN : s.min(),
        none ? Double.NaN : s.max(), v.length - s.count(), bins);
  }

  /** Returns the bin of {@code x}: the maximum falls in the last bin, a constant in the first. */
  static int bin(double x, double min, double max) {
    if (!(max > min)) {
      return 0;
    }
    return Math.min(BINS - 1, (int) ((x - min) / (max - min) * BINS));
  }

  /** Returns the statistics as JSON-ready values (NaN written as null). */
  Map<String, Object> json() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", count);
    m.put("mean", finite(mean));
    m.put("sd", finite(sd));
    m.put("min", finite(min));
    m.put("max", finite(max));
    m.put("nonFinite", nonFinite);
    m.put("bins", bins);
    return m;
  }

  private static Double finite(double x) {
    return Double.isFinite(x) ? x : null;
  }
}
