package dev.chainrule.core.rewrite;

import static dev.chainrule.core.rewrite.Patterns.arg;
import static dev.chainrule.core.rewrite.Patterns.computedBy;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.ops.Add;
import dev.chainrule.core.graph.ops.Axes;
import dev.chainrule.core.graph.ops.Exp;
import dev.chainrule.core.graph.ops.Log;
import dev.chainrule.core.graph.ops.LogSoftmax;
import dev.chainrule.core.graph.ops.Max;
import dev.chainrule.core.graph.ops.Sub;
import dev.chainrule.core.graph.ops.Sum;
import java.util.List;

/**
 * z minus the log-sum-exp of z along one axis (kept, so that it broadcasts back) → logsoftmax(z),
 * in the forms the log-softmax is written by hand: z − log Σ eᶻ; its stable shift (z − m) − log Σ
 * e^(z − m), m = max(z) along the same axis; and z − (m + log Σ e^(z − m)). Softmax cross-entropy
 * written on logits so becomes the fused cross-entropy, whose derivative is P − Y.
 */
final class LogSumExpFusion implements Rule {
  @Override
  public String name() {
    return "log-sum-exp fusion";
  }

  @Override
  public Node rewrite(Op op, List<Node> in, Rewriting r) {
    if (op != Sub.INSTANCE) {
      return null;
    }
    Node a = in.get(0);
    Node b = in.get(1);
    Node z = null;
    int axis = -1;
    if (computedBy(b, Log.INSTANCE)) {
      axis = logSumExpAxis(b, a);
      z = axis < 0 ? null : unshifted(a, axis);
      z = z != null ? z : a;
    } else if (computedBy(b, Add.INSTANCE)) {
      for (int i = 0; i < 2 && z == null; i++) {
        Node m = arg(b, i);
        Node log = arg(b, 1 - i);
        if (isMax(m, a) && computedBy(log, Log.INSTANCE)) {
          Node shifted = computedBy(arg(log, 0), Sum.class)
              && computedBy(arg(arg(log, 0), 0), Exp.INSTANCE) ? arg(arg(arg(log, 0), 0), 0) : null;
          axis = shifted == null ? -1 : logSumExpAxis(log, shifted);
          z = axis >= 0 && unshifted(shifted, axis) == a ? a : null;
        }
      }
    }
    if (z == null || axis < 0 || !z.shape().equals(a.shape())) {
      return null;
    }
    return r.fired("log-sum-exp → logsoftmax", r.apply(new LogSoftmax(axis), z));
  }

  /**
   * Returns the axis k when {@code log} is log(Σₖ e^x) with the axis kept and x = {@code x}, else
   * −1.
   */
  private static int logSumExpAxis(Node log, Node x) {
    Node sum = arg(log, 0);
    if (!computedBy(sum, Sum.class) || !computedBy(arg(sum, 0), Exp.INSTANCE)
        || arg(arg(sum, 0), 0) != x) {
      return -1;
    }
    Axes axes = ((Sum) sum.op()).axes();
    return axes.size() == 1 && axes.keepDims() ? axes.get(0) : -1;
  }

  /** Returns z when {@code x} is z − max(z) along {@code axis} (kept), else null. */
  private static Node unshifted(Node x, int axis) {
    if (!computedBy(x, Sub.INSTANCE) || !isMax(arg(x, 1), arg(x, 0))) {
      return null;
    }
    Axes axes = ((Max) arg(x, 1).op()).axes();
    return axes.get(0) == axis ? arg(x, 0) : null;
  }

  /** True when {@code m} is max(z) along one kept axis. */
  private static boolean isMax(Node m, Node z) {
    if (!computedBy(m, Max.class) || arg(m, 0) != z) {
      return false;
    }
    Axes axes = ((Max) m.op()).axes();
    return axes.size() == 1 && axes.keepDims();
  }
}
