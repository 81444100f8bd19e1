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
    for (int i = 0; i < d.length; i++) {
      if (!Double.isFinite(d[i])) {
        throw new FeedException("input " + input.name() + " was fed " + d[i] + " at flat index "
            + i + " of its " + value.shape() + " value; feeds must be finite numbers");
      }
    }
  }
}
