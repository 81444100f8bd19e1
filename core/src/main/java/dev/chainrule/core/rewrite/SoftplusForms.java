package dev.chainrule.core.rewrite;

import static dev.chainrule.core.rewrite.Patterns.arg;
import static dev.chainrule.core.rewrite.Patterns.computedBy;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.graph.ops.Add;
import dev.chainrule.core.graph.ops.Exp;
import dev.chainrule.core.graph.ops.Log;
import dev.chainrule.core.graph.ops.Mul;
import dev.chainrule.core.graph.ops.Neg;

/**
 * Recognises the two building blocks {@link SoftplusTerms} reads terms with: log(1 + eᵗ) and −x.
 */
final class SoftplusForms {
  private SoftplusForms() {}

  /** Returns t when {@code n} is log(1 + eᵗ) (either order of the sum), else null. */
  static Node softplusArgument(Node n) {
    if (!computedBy(n, Log.INSTANCE) || !computedBy(arg(n, 0), Add.INSTANCE)) {
      return null;
    }
    Node sum = arg(n, 0);
    for (int i = 0; i < 2; i++) {
      if (computedBy(arg(sum, i), Exp.INSTANCE) && isOneValue(arg(sum, 1 - i))) {
        return arg(arg(sum, i), 0);
      }
    }
    return null;
  }

  /** Returns x when {@code n} is −x (unary minus, or a product with the literal −1), else null. */
  static Node negated(Node n) {
    if (computedBy(n, Neg.INSTANCE)) {
      return arg(n, 0);
    }
    if (computedBy(n, Mul.INSTANCE)) {
      for (int i = 0; i < 2; i++) {
        if (arg(n, i).isLiteral() && arg(n, i).storedValue().item() == -1) {
          return arg(n, 1 - i);
        }
      }
    }
    return null;
  }

  /** True for a literal or constant holding the single value 1 (the 1 of 1 + eᵗ). */
  private static boolean isOneValue(Node n) {
    return (n.isLiteral() || n.kind() == NodeKind.CONSTANT) && n.storedValue().size() == 1
        && n.storedValue().item() == 1.0;
  }
}
