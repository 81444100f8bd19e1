package dev.chainrule.core.rewrite;

import static dev.chainrule.core.rewrite.Patterns.arg;
import static dev.chainrule.core.rewrite.Patterns.computedBy;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.ops.Div;
import dev.chainrule.core.graph.ops.Exp;
import dev.chainrule.core.graph.ops.Mul;
import dev.chainrule.core.graph.ops.Softmax;
import dev.chainrule.core.graph.ops.Sum;
import java.util.List;

/**
 * The softmax written as a quotient → softmax(z): e^z / Σ e^z, as a user writes it, and
 * (1/Σ e^z) ∘ e^z, as the derivative of log Σ e^z reads, so that this gradient prints softmax(z)
 * as the textbooks write it. The sum must run over one axis of more than one element and
 * broadcast back along it ({@link SoftmaxAxis}). The fused softmax is computed stably.
 */
final class SoftmaxQuotientFusion implements Rule {
  @Override
  public String name() {
    return "softmax quotient fusion";
  }

  @Override
  public Node rewrite(Op op, List<Node> in, Rewriting r) {
    Node e = null;
    Integer axis = null;
    if (op == Div.INSTANCE && computedBy(in.get(0), Exp.INSTANCE)) {
      e = in.get(0);
      axis = sumAxis(in.get(1), in.get(1), e);
    } else if (op == Mul.INSTANCE) {
      for (int i = 0; i < 2 && axis == null; i++) {
        e = in.get(i);
        Node used = in.get(1 - i);
        Node reciprocal = SoftmaxAxis.unreshaped(used);
        axis = computedBy(e, Exp.INSTANCE) && computedBy(reciprocal, Div.INSTANCE)
            && isOne(arg(reciprocal, 0)) ? sumAxis(used, arg(reciprocal, 1), e) : null;
      }
    }
    return axis == null ? null
        : r.fired("softmax written out → softmax", r.apply(new Softmax(axis), arg(e, 0)));
  }

  private static Integer sumAxis(Node used, Node sum, Node e) {
    return SoftmaxAxis.of(used, sum, Sum.class, op -> ((Sum) op).axes(), e);
  }

  private static boolean isOne(Node n) {
    return n.isLiteral() && n.storedValue().item() == 1.0;
  }
}
