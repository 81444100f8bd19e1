package dev.chainrule.core.exec;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;

/** Checks one fed value against its input: the declared shape, and only finite numbers. */
final class FeedChecks {
  private FeedChecks() {}

  /** Feeds at least this long are scanned by several threads when the plan may use them. */
  static final int PARALLEL_LENGTH = 1 << 18;

  static void check(Node input, Tensor value, int threads) {
    if (!value.shape().equals(input.shape())) {
      throw new FeedException("input " + input.name() + " is declared with shape " + input.shape()
          + " but was fed a tensor of shape " + value.shape()
          + (input.site() != null ? " (declared at " + input.site() + ")" : ""));
    }
    double[] d = value.buffer();
    if (threads > 1 && d.length >= PARALLEL_LENGTH ? allFiniteSplit(d, threads)
        : allFinite(d, 0, d.length)) {
      return;
    }
    for (int i = 0; i < d.length; i++) {
      if (!Double.isFinite(d[i])) {
        throw new FeedException("input " + input.name() + " was fed " + d[i] + " at flat index "
            + i + " of its " + value.shape() + " value; feeds must be finite numbers");
      }
    }
  }

  /**
   * Returns true when no element is NaN or infinite: x·0 is 0 for every finite x and NaN
   * otherwise, and NaN survives a sum. Four independent sums and no branch let the loop run at
   * memory speed; a feed is scanned on every run.
   */
  static boolean allFinite(double[] d, int from, int to) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      s0 += d[i] * 0.0;
      s1 += d[i + 1] * 0.0;
      s2 += d[i + 2] * 0.0;
      s3 += d[i + 3] * 0.0;
    }
    for (; i < to; i++) {
      s0 += d[i] * 0.0;
    }
    return s0 + s1 + s2 + s3 == 0.0;
  }

  /** Scans a long feed in {@code threads} contiguous parts at once. */
  private static boolean allFiniteSplit(double[] d, int threads) {
    boolean[] ok = new boolean[threads];
    Workers.run(threads, t -> ok[t] = allFinite(d, (int) ((long) d.length * t / threads),
        (int) ((long) d.length * (t + 1) / threads)));
    for (boolean b : ok) {
      if (!b) {
        return false;
      }
    }
    return true;
  }
}
