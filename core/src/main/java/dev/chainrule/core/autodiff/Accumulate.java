package dev.chainrule.core.autodiff;

import dev.chainrule.core.graph.Node;
import java.util.List;

/** Sums the gradient contributions a node receives from its consumers into one adjoint node. */
final class Accumulate {
  private Accumulate() {}

  static Node sum(List<Node> parts) {
    Node total = parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      total = total.add(parts.get(i));
    }
    return total;
  }
}
