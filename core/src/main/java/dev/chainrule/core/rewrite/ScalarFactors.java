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
import dev.chainrule.core.graph.ops.Sum;
import dev.chainrule.core.graph.ops.Transpose;
import java.util.List;

/**
 * Gathers scalar factors in front, as the seeds write (1/m)·dZ·Aᵀ: x·c → c·x, c·(d·x) → (cd)·x,
 * x/c → (1/c)·x, −(c·x) → (−c)·x, and a factor inside a product, quotient, matrix product, sum,
 * mean, transpose, reshape or broadcast is taken out of it; in a sum, the scaled term goes last
 * (δ·aᵀ + λ·W). Values agree to rounding.
 */
final class ScalarFactors implements Rule {
  @Override
  public String name() {
    return "scalar factors";
  }

  @Override
  public Node rewrite(Op op, List<Node> in, Rewriting r) {
    if (op == Add.INSTANCE && isScaled(in.get(0)) && !isScaled(in.get(1))) {
      return r.fired("c·x + y → y + c·x", r.apply(Add.INSTANCE, in.get(1), in.get(0)));
    }
    if (op == Mul.INSTANCE) {
      return product(in.get(0), in.get(1), r);
    }
    if (op == Div.INSTANCE) {
      Node a = in.get(0);
      Node b = in.get(1);
      if (scalar(b) && value(b) != 0 && !scalar(a)) {
        return r.fired("x/c → (1/c)·x", r.apply(Mul.INSTANCE, r.literal(1.0 / value(b)), a));
      }
      if (isScaled(a)) {
        return r.fired("factor taken out of a quotient", r.apply(Mul.INSTANCE, arg(a, 0),
            r.apply(Div.INSTANCE, arg(a, 1), b)));
      }
      return null;
    }
    if (op == Neg.INSTANCE && isScaled(in.get(0))) {
      Node scaled = in.get(0);
      return r.fired("−(c·x) → (−c)·x",
          r.apply(Mul.INSTANCE, r.literal(-value(arg(scaled, 0))), arg(scaled, 1)));
    }
    if (op instanceof MatMul) {
      for (int i = 0; i < 2; i++) {
        if (isScaled(in.get(i))) {
          Node a = i == 0 ? arg(in.get(0), 1) : in.get(0);
          Node b = i == 1 ? arg(in.get(1), 1) : in.get(1);
          return r.fired("factor taken out of a matrix product",
              r.apply(Mul.INSTANCE, arg(in.get(i), 0), r.apply(op, a, b)));
        }
      }
      return null;
    }
    boolean linear = op instanceof Sum || op instanceof Mean || op instanceof Transpose
        || op instanceof Reshape || op instanceof BroadcastTo;
    if (linear && isScaled(in.get(0))) {
      return r.fired("factor taken out of " + op.name(), r.apply(Mul.INSTANCE,
          arg(in.get(0), 0), r.apply(op, arg(in.get(0), 1))));
    }
    return null;
  }

  private static Node product(Node a, Node b, Rewriting r) {
    if (scalar(a) && scalar(b)) {
      return null;
    }
    if (scalar(b)) {
      return r.fired("x·c → c·x", r.apply(Mul.INSTANCE, b, a));
    }
    if (scalar(a) && isScaled(b)) {
      return r.fired("c·(d·x) → (cd)·x", r.apply(Mul.INSTANCE,
          r.literal(value(a) * value(arg(b, 0))), arg(b, 1)));
    }
    if (!scalar(a) && isScaled(a)) {
      return r.fired("factor taken out of a product", r.apply(Mul.INSTANCE, arg(a, 0),
          r.apply(Mul.INSTANCE, arg(a, 1), b)));
    }
    if (!scalar(a) && isScaled(b)) {
      return r.fired("factor taken out of a product", r.apply(Mul.INSTANCE, arg(b, 0),
          r.apply(Mul.INSTANCE, a, arg(b, 1))));
    }
    return null;
  }

  /** Returns true for c·x with c a scalar literal and x not one. */
  private static boolean isScaled(Node n) {
    return is(n, Mul.INSTANCE) && scalar(arg(n, 0)) && !scalar(arg(n, 1));
  }
}
