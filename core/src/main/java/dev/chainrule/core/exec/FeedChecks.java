package dev.chainrule.core.exec;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;

/** Checks one fed value against its input: the declared shape, and only finite numbers. */
final class FeedChecks {
  private FeedChecks() {}

  static void check(Node input, Tensor value) {
    if (!value.shape().equals(input.shape())) {
      throw new FeedException("input " + input.name() + " is declared with shape " + input.shape()
          + " but was fed a tensor of shape " + value.shape()
          + (input.site() != null ? " (declared at " + input.site() + ")" : ""));
    }
    double[] d = value.buffer();
    if (allFinite(d)) {
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
  static boolean allFinite(double[] d) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < d.length; i += 4) {
      s0 += d[i] * 0.0;
      s1 += d[i + 1] * 0.0;
      s2 += d[i + 2] * 0.0;
      s3 += d[i + 3] * 0.0;
    }
    for (; i < d.length; i++) {
      s0 += d[i] * 0.0;
    }
    return s0 + s1 + s2 + s3 == 0.0;
  }
}
