package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.Rewrite;
import java.util.List;

/**
 * The shapes of terms the operations' own rewrites look for: a negation −x and a scaled term c·x
 * (a scalar literal c times a non-literal x), both unnamed, since a node the user named is opaque
 * to the algebra.
 */
final class Terms {
  private Terms() {}

  /** Returns operand {@code i} of an operation node. */
  static Node arg(Node n, int i) {
    return n.inputs().get(i);
  }

  /** Returns the number a scalar literal holds. */
  static double value(Node literal) {
    return literal.storedValue().item();
  }

  /** Returns true for an unnamed −x. */
  static boolean negation(Node n, Rewrite.Context c) {
    return c.is(n, Neg.INSTANCE);
  }

  /** Returns true for an unnamed c·x with c a scalar literal and x not one. */
  static boolean scaled(Node n, Rewrite.Context c) {
    return c.is(n, Mul.INSTANCE) && arg(n, 0).isLiteral() && !arg(n, 1).isLiteral();
  }

  /** Returns true for c·x with c negative. */
  static boolean negativelyScaled(Node n, Rewrite.Context c) {
    return scaled(n, c) && value(arg(n, 0)) < 0;
  }

  /** Returns (−c)·x for c·x. */
  static Node flipped(Node scaled, Rewrite.Context c) {
    return c.apply(Mul.INSTANCE, c.literal(-value(arg(scaled, 0))), arg(scaled, 1));
  }

  /** Drops a reshape or broadcast to the shape its input already has. */
  static Node droppedWhenShapeKept(Op op, List<Node> in, Rewrite.Context c) {
    Node x = in.get(0);
    return x.shape().equals(op.inferShape(List.of(x.shape())))
        ? c.fired(op.name() + " to its own shape dropped", x) : null;
  }
}
