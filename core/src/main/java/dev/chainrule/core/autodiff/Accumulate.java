package dev.chainrule.core.autodiff;

import dev.chainrule.core.graph.Node;
import java.util.List;

/** Sums the gradient contributions a node receives from its consumers into one adjoint node. */
final class Accumulate {
  private Accumulate() {}

  static Node sum(Node first, List<Node> rest) {
    Node total = first;
    for (Node part : rest) {
      total = total.add(part);
    }
    return total;
  }
}
