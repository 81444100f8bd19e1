package dev.chainrule.core.rewrite;

import static dev.chainrule.core.rewrite.Patterns.arg;
import static dev.chainrule.core.rewrite.Patterns.is;
import static dev.chainrule.core.rewrite.Patterns.scalar;
import static dev.chainrule.core.rewrite.Patterns.value;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.ops.Add;
import dev.chainrule.core.graph.ops.BroadcastTo;
import dev.chainrule.core.graph.ops.Div;
import dev.chainrule.core.graph.ops.MatMul;
import dev.chainrule.core.graph.ops.Mean;
import dev.chainrule.core.graph.ops.Mul;
import dev.chainrule.core.graph.ops.Neg;
import dev.chainrule.core.graph.ops.Reshape;
import dev.chainrule.core.graph.ops.Sub;
import dev.chainrule.core.graph.ops.Sum;
import dev.chainrule.core.graph.ops.Transpose;
import java.util.List;

/**
 * Moves negations outwards, where they cancel or become subtractions: x + (−y) → x − y,
 * (−x) + y → y − x, x − (−y) → x + y, (−x) − y → −(x + y); a product, quotient, matrix product,
 * sum, mean, transpose, reshape or broadcast of a negated operand is the negation of the plain
 * one; a negative scalar factor in a sum becomes a subtraction. All are exact in floating point.
 */
final class Signs implements Rule {
  @Override
  public String name() {
    return "signs";
  }

  @Override
  public Node rewrite(Op op, List<Node> in, Rewriting r) {
    if (op == Add.INSTANCE || op == Sub.INSTANCE) {
      return additive(op == Add.INSTANCE, in.get(0), in.get(1), r);
    }
    if (op == Mul.INSTANCE || op == Div.INSTANCE || op instanceof MatMul) {
      boolean negA = is(in.get(0), Neg.INSTANCE);
      boolean negB = is(in.get(1), Neg.INSTANCE);
      if (negA || negB) {
        Node a = negA ? arg(in.get(0), 0) : in.get(0);
        Node b = negB ? arg(in.get(1), 0) : in.get(1);
        Node plain = r.apply(op, a, b);
        return r.fired("sign taken out of a product",
            negA && negB ? plain : r.apply(Neg.INSTANCE, plain));
      }
      return null;
    }
    boolean linear = op instanceof Sum || op instanceof Mean || op instanceof Transpose
        || op instanceof Reshape || op instanceof BroadcastTo;
    if (linear && is(in.get(0), Neg.INSTANCE)) {
      return r.fired("sign taken out of " + op.name(),
          r.apply(Neg.INSTANCE, r.apply(op, arg(in.get(0), 0))));
    }
    return null;
  }

  private static Node additive(boolean add, Node a, Node b, Rewriting r) {
    boolean negA = is(a, Neg.INSTANCE);
    boolean negB = is(b, Neg.INSTANCE);
    if (add && negB) {
      return r.fired("x + (−y) → x − y", r.apply(Sub.INSTANCE, a, arg(b, 0)));
    }
    if (add && negA) {
      return r.fired("(−x) + y → y − x", r.apply(Sub.INSTANCE, b, arg(a, 0)));
    }
    if (!add && negB) {
      return r.fired("x − (−y) → x + y", r.apply(Add.INSTANCE, a, arg(b, 0)));
    }
    if (!add && negA) {
      return r.fired("(−x) − y → −(x + y)",
          r.apply(Neg.INSTANCE, r.apply(Add.INSTANCE, arg(a, 0), b)));
    }
    if (negativelyScaled(b)) {
      return r.fired(add ? "x + (−c)·y → x − c·y" : "x − (−c)·y → x + c·y",
          r.apply(add ? Sub.INSTANCE : Add.INSTANCE, a, flipped(b, r)));
    }
    if (add && negativelyScaled(a)) {
      return r.fired("(−c)·x + y → y − c·x", r.apply(Sub.INSTANCE, b, flipped(a, r)));
    }
    return null;
  }

  /** Returns true for c·x with c a negative scalar literal. */
  private static boolean negativelyScaled(Node n) {
    return is(n, Mul.INSTANCE) && scalar(arg(n, 0)) && value(arg(n, 0)) < 0
        && !scalar(arg(n, 1));
  }

  private static Node flipped(Node scaled, Rewriting r) {
    return r.apply(Mul.INSTANCE, r.literal(-value(arg(scaled, 0))), arg(scaled, 1));
  }
}
