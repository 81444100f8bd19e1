package dev.chainrule.core.exec;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Finiteness;
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

  /**
   * Checks {@code value} against {@code input}: its shape and dtype always, its elements unless the
   * caller has {@code knownFinite} (a value copied from a data set checked when it was built).
   */
  static void check(Node input, Tensor value, int threads, boolean knownFinite) {
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
    if (knownFinite || (threads > 1 && value.dtype() == DType.FLOAT64
        && value.size() >= PARALLEL_LENGTH ? allFiniteSplit(value.buffer(), threads)
        : Finiteness.allFinite(value))) {
      return;
    }
    int i = Finiteness.firstNonFinite(value);
    throw new FeedException("input " + input.name() + " was fed " + Finiteness.valueAt(value, i)
        + " at flat index " + i + " of its " + value.shape() + " value; feeds must be finite "
        + "numbers");
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
    sb.append(used.isEmpty()
        ? "The plan needs no inputs; run it with Feeds.none() or feeds.usedBy(plan)."
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

  /** Scans a long feed in {@code threads} contiguous parts at once. */
  private static boolean allFiniteSplit(double[] d, int threads) {
    boolean[] ok = new boolean[threads];
    Workers.run(threads, t -> ok[t] = Finiteness.allFinite(d, (int) ((long) d.length * t / threads),
        (int) ((long) d.length * (t + 1) / threads)));
    for (boolean b : ok) {
      if (!b) {
        return false;
      }
    }
    return true;
  }
}
