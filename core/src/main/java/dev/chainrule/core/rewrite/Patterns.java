package dev.chainrule.core.rewrite;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.Rewrite;
import dev.chainrule.core.tensor.Shape;
import java.util.List;

/** Small predicates the rules match with: which operation computes a node, and its operands. */
final class Patterns {
  private Patterns() {}

  /**
   * Returns true when {@code n} is an unnamed operation node whose op is an instance of {@code
   * type}. A node the user named is opaque to the algebraic rules, so that its name survives.
   */
  static boolean is(Node n, Class<? extends Op> type) {
    return !n.isUserNamed() && computedBy(n, type);
  }

  /** Returns true when {@code n} is an unnamed node computed by exactly {@code op}. */
  static boolean is(Node n, Op op) {
    return !n.isUserNamed() && n.kind() == NodeKind.OPERATION && n.op().equals(op);
  }

  /**
   * Returns true when {@code n}, named or not, is computed by an instance of {@code type}: the
   * fusions look through names (A[2] = σ(Z[2]) is still a sigmoid to fuse with the loss).
   */
  static boolean computedBy(Node n, Class<? extends Op> type) {
    return n.kind() == NodeKind.OPERATION && type.isInstance(n.op());
  }

  /** Returns true when {@code n}, named or not, is computed by exactly {@code op}. */
  static boolean computedBy(Node n, Op op) {
    return n.kind() == NodeKind.OPERATION && n.op().equals(op);
  }

  /** Returns operand {@code i} of an operation node. */
  static Node arg(Node n, int i) {
    return n.inputs().get(i);
  }

  /** Returns true when {@code n} is a scalar literal such as the 2 in 2·x. */
  static boolean scalar(Node n) {
    return n.isLiteral();
  }

  /** Returns the value of a scalar literal. */
  static double value(Node n) {
    return n.storedValue().item();
  }

  /**
   * Returns the first result of {@code op}'s own identities of {@code family} (see {@link
   * dev.chainrule.core.graph.Algebra}), or null when none applies.
   */
  static Node identities(Op op, List<Node> in, Rewriting r, Rewrite.Family family) {
    for (Rewrite identity : op.algebra().identities(family)) {
      Node n = identity.apply(op, in, r);
      if (n != null) {
        return n;
      }
    }
    return null;
  }

  /** Returns how rewrites name {@code op}: its algebra's phrase ("a product"), or its name. */
  static String phrase(Op op) {
    String phrase = op.algebra().phrase();
    return phrase != null ? phrase : op.name();
  }

  /** Returns the shape NumPy broadcasting gives two shapes, or null when they do not broadcast. */
  static Shape broadcast(Shape a, Shape b) {
    return Shape.broadcastOrNull(a, b);
  }
}
