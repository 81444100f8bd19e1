package dev.chainrule.core.exec;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks one fed value against its input (the declared shape, and only finite numbers), and words
 * the errors of a missing or an unused feed.
 */
final class FeedChecks {
  private FeedChecks() {}

  /** Feeds at least this long are scanned by several threads when the plan may use them. */
  static final int PARALLEL_LENGTH = 1 << 18;

  static void check(Node input, Tensor value, int threads) {
    if (!value.shape().equals(input.shape())) {
      throw new FeedException("input " + input.name() + " is declared with shape " + input.shape()
          + " but was fed a tensor of shape " + value.shape() + declared(input));
    }
    if (value.dtype() != input.dtype()) {
      throw new FeedException("input " + input.name() + " is " + input.dtype() + " (its graph "
          + "computes in " + input.graph().dtype() + ") but was fed a " + value.dtype()
          + " tensor of shape " + value.shape() + "; feed value.to(DType."
          + input.dtype().name() + "), or build the feeds from Feeds.converting() to have them "
          + "converted" + declared(input));
    }
    if (value.dtype() == DType.FLOAT32) {
      checkFloats(input, value);
      return;
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

  private static void checkFloats(Node input, Tensor value) {
    float[] f = value.floatBuffer();
    for (int i = 0; i < f.length; i++) {
      if (!Float.isFinite(f[i])) {
        throw new FeedException("input " + input.name() + " was fed " + f[i] + " at flat index "
            + i + " of its " + value.shape() + " value; feeds must be finite numbers");
      }
    }
  }

  /** Returns true when no element of {@code t}, of either dtype, is NaN or infinite. */
  static boolean allFinite(Tensor t) {
    if (t.dtype() == DType.FLOAT64) {
      return allFinite(t.buffer(), 0, t.size());
    }
    float s = 0;
    for (float v : t.floatBuffer()) {
      s += v * 0.0f;
    }
    return s == 0.0f;
  }

  /** Returns the error for {@code input}, needed by {@code targets} but neither fed nor held. */
  static FeedException missing(Node input, List<Node> targets) {
    return new FeedException("input " + input.name() + " " + input.shape() + " has no value, but "
        + names(targets) + (targets.size() == 1 ? " depends" : " depend") + " on it: feed it "
        + "with Feeds.of(" + input.name()
        + ", tensor) or hold a value with " + input.name() + ".hold(tensor)" + declared(input));
  }

  /**
   * Returns the error for feeding {@code fed}, an input of the plan's graph that none of {@code
   * targets} depends on; when the plan uses another input of the same name, says so, since that is
   * the usual cause (an input declared twice).
   */
  static FeedException unused(Node fed, List<Node> targets, List<Node> used) {
    StringBuilder sb = new StringBuilder("input " + fed.name() + " " + fed.shape() + " was fed, "
        + "but " + names(targets) + (targets.size() == 1 ? " does" : " do")
        + " not depend on it" + declared(fed) + ". ");
    for (Node u : used) {
      if (u.name().equals(fed.name())) {
        sb.append("The plan uses another input of the same name").append(declared(u))
            .append(": the graph was built on that node, not on the one fed. ");
      }
    }
    sb.append(used.isEmpty() ? "The plan needs no inputs; run it with Feeds.none() or feeds.usedBy(plan)."
        : "The plan's inputs are " + names(used) + "; feed only those, or run it with "
            + "feeds.usedBy(plan) to drop the others.");
    return new FeedException(sb.toString());
  }

  private static String declared(Node input) {
    return input.site() != null ? " (declared at " + input.site() + ")" : "";
  }

  private static String names(List<Node> nodes) {
    return nodes.stream().map(Node::name).collect(Collectors.joining(", "));
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
