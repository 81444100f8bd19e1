package dev.chainrule.core.rewrite;

import static dev.chainrule.core.rewrite.Patterns.arg;
import static dev.chainrule.core.rewrite.Patterns.computedBy;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.ops.Exp;
import dev.chainrule.core.graph.ops.LogSoftmax;
import dev.chainrule.core.graph.ops.LogSumExp;
import dev.chainrule.core.graph.ops.Softmax;
import dev.chainrule.core.graph.ops.Sub;
import java.util.List;

/**
 * The softmax written as an exponential → softmax(z): e^(z − logsumexp z), which is how the
 * derivative of the log-sum-exp reads, and e^(logsoftmax z). The log-sum-exp must run over one
 * axis of more than one element and broadcast back along it ({@link SoftmaxAxis}).
 */
final class SoftmaxExpFusion implements Rule {
  @Override
  public String name() {
    return "softmax exponential fusion";
  }

  @Override
  public Node rewrite(Op op, List<Node> in, Rewriting r) {
    if (op != Exp.INSTANCE) {
      return null;
    }
    Node a = in.get(0);
    Node z = null;
    Integer axis = null;
    if (computedBy(a, LogSoftmax.class)) {
      z = arg(a, 0);
      axis = ((LogSoftmax) a.op()).axis();
    } else if (computedBy(a, Sub.INSTANCE)) {
      z = arg(a, 0);
      axis = SoftmaxAxis.of(arg(a, 1), arg(a, 1), LogSumExp.class,
          lse -> ((LogSumExp) lse).axes(), z);
    }
    return axis == null ? null
        : r.fired("softmax written out → softmax", r.apply(new Softmax(axis), z));
  }
}
