package dev.chainrule.core.rewrite;

import static dev.chainrule.core.rewrite.Patterns.arg;
import static dev.chainrule.core.rewrite.Patterns.computedBy;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.ops.Axes;
import dev.chainrule.core.graph.ops.LogSoftmax;
import dev.chainrule.core.graph.ops.Mean;
import dev.chainrule.core.graph.ops.Mul;
import dev.chainrule.core.graph.ops.Neg;
import dev.chainrule.core.graph.ops.SoftmaxCrossEntropy;
import dev.chainrule.core.graph.ops.Sum;
import java.util.List;

/**
 * Softmax followed by cross-entropy, Σ Y∘logsoftmax(Z) summed (or averaged) over axes that
 * include the softmax axis, becomes −Σ CE(softmax(Z), Y) with the fused {@link
 * SoftmaxCrossEntropy}, whose derivative is softmax(Z)·ΣY − Y: P − Y once the targets are known
 * to sum to 1 (see {@link TargetsSumToOne}). Runs after {@link LogSoftmaxFusion}, so the user's
 * log(softmax(Z)) is matched too.
 */
final class SoftmaxCrossEntropyFusion implements Rule {
  @Override
  public String name() {
    return "softmax cross-entropy fusion";
  }

  @Override
  public Node rewrite(Op op, List<Node> in, Rewriting r) {
    Axes axes;
    if (op instanceof Sum s) {
      axes = s.axes();
    } else if (op instanceof Mean m) {
      axes = m.axes();
    } else {
      return null;
    }
    Node product = in.get(0);
    if (!computedBy(product, Mul.INSTANCE)) {
      return null;
    }
    for (int i = 0; i < 2; i++) {
      Node logP = arg(product, i);
      Node y = arg(product, 1 - i);
      if (!computedBy(logP, LogSoftmax.class) || !y.shape().equals(logP.shape())) {
        continue;
      }
      int axis = ((LogSoftmax) logP.op()).axis();
      if (!axes.contains(axis)) {
        continue;
      }
      Node ce = r.apply(new SoftmaxCrossEntropy(axis), arg(logP, 0), y);
      Node reduced = r.apply(op, ce);
      Node value = op instanceof Sum ? reduced
          : r.apply(Mul.INSTANCE, r.literal(1.0 / logP.shape().dim(axis)), reduced);
      return r.fired("softmax + cross-entropy fused", r.apply(Neg.INSTANCE, value));
    }
    return null;
  }
}
