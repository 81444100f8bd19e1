package dev.chainrule.core.rewrite;

import static dev.chainrule.core.rewrite.Patterns.arg;
import static dev.chainrule.core.rewrite.Patterns.is;
import static dev.chainrule.core.rewrite.Patterns.scalar;

import dev.chainrule.core.graph.Algebra;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.Rewrite;
import dev.chainrule.core.graph.ops.Mul;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers scalar factors in front, as the seeds write (1/m)·dZ·Aᵀ. Each operation's own factor
 * identities apply first (x·c → c·x and c·(d·x) → (cd)·x in {@code Mul}, x/c → (1/c)·x in
 * {@code Div}, −(c·x) → (−c)·x in {@code Neg}, and a scaled term going last in a sum in {@code
 * Add}); then, generic over the operations' {@link Algebra}, a factor c·x in an operand the
 * operation is linear in is taken out of it. Values agree to rounding.
 */
final class ScalarFactors implements Rule {
  @Override
  public String name() {
    return "scalar factors";
  }

  @Override
  public Node rewrite(Op op, List<Node> in, Rewriting r) {
    Node own = Patterns.identities(op, in, r, Rewrite.Family.SCALAR_FACTORS);
    if (own != null) {
      return own;
    }
    Algebra a = op.algebra();
    for (int i = 0; i < in.size(); i++) {
      if (a.linear(i) && isScaled(in.get(i))) {
        List<Node> plain = new ArrayList<>(in);
        plain.set(i, arg(in.get(i), 1));
        return r.fired("factor taken out of " + Patterns.phrase(op),
            r.apply(Mul.INSTANCE, arg(in.get(i), 0), r.apply(op, plain)));
      }
    }
    return null;
  }

  /** Returns true for c·x with c a scalar literal and x not one. */
  private static boolean isScaled(Node n) {
    return is(n, Mul.INSTANCE) && scalar(arg(n, 0)) && !scalar(arg(n, 1));
  }
}
