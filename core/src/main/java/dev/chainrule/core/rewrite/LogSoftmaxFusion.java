package dev.chainrule.core.rewrite;

import static dev.chainrule.core.rewrite.Patterns.arg;
import static dev.chainrule.core.rewrite.Patterns.computedBy;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.ops.Log;
import dev.chainrule.core.graph.ops.LogSoftmax;
import dev.chainrule.core.graph.ops.Softmax;
import java.util.List;

/**
 * log(softmax(z)) → logsoftmax(z): the same values where the softmax does not underflow, and
 * finite where it does; its derivative g − softmax(z)·Σg replaces the quotient g/p.
 */
final class LogSoftmaxFusion implements Rule {
  @Override
  public String name() {
    return "log-softmax fusion";
  }

  @Override
  public Node rewrite(Op op, List<Node> in, Rewriting r) {
    if (op != Log.INSTANCE || !computedBy(in.get(0), Softmax.class)) {
      return null;
    }
    int axis = ((Softmax) in.get(0).op()).axis();
    return r.fired("log(softmax) → logsoftmax",
        r.apply(new LogSoftmax(axis), arg(in.get(0), 0)));
  }
}
