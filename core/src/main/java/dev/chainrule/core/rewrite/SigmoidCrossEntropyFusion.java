package dev.chainrule.core.rewrite;

import static dev.chainrule.core.rewrite.Patterns.arg;
import static dev.chainrule.core.rewrite.Patterns.computedBy;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.ops.Add;
import dev.chainrule.core.graph.ops.Log;
import dev.chainrule.core.graph.ops.Mul;
import dev.chainrule.core.graph.ops.Neg;
import dev.chainrule.core.graph.ops.Sigmoid;
import dev.chainrule.core.graph.ops.SigmoidCrossEntropy;
import dev.chainrule.core.graph.ops.Sub;
import java.util.List;

/**
 * Sigmoid followed by binary cross-entropy, Y∘log A + (1 − Y)∘log(1 − A) with A = σ(Z) (either
 * term first, either factor first), becomes −BCE(σ(Z), Y) with the fused {@link
 * SigmoidCrossEntropy}, whose derivative is σ(Z) − Y: seed 004's dZ[2] = A[2] − Y. The forms
 * −Y∘log A − (1 − Y)∘log(1 − A) reach this rule through {@link Signs}.
 */
final class SigmoidCrossEntropyFusion implements Rule {
  @Override
  public String name() {
    return "sigmoid cross-entropy fusion";
  }

  @Override
  public Node rewrite(Op op, List<Node> in, Rewriting r) {
    if (op != Add.INSTANCE) {
      return null;
    }
    for (int i = 0; i < 2; i++) {
      Node[] positive = positiveTerm(in.get(i));
      if (positive != null && isNegativeTerm(in.get(1 - i), positive[0], positive[1], r)) {
        Node fused = r.apply(SigmoidCrossEntropy.INSTANCE, arg(positive[1], 0), positive[0]);
        if (!fused.shape().equals(op.inferShape(List.of(in.get(0).shape(), in.get(1).shape())))) {
          return null;
        }
        return r.fired("sigmoid + binary cross-entropy fused", r.apply(Neg.INSTANCE, fused));
      }
    }
    return null;
  }

  /** Matches Y∘log σ(Z) and returns {Y, σ(Z)}, or null. */
  private static Node[] positiveTerm(Node term) {
    if (!computedBy(term, Mul.INSTANCE)) {
      return null;
    }
    for (int i = 0; i < 2; i++) {
      Node log = arg(term, i);
      if (computedBy(log, Log.INSTANCE) && computedBy(arg(log, 0), Sigmoid.INSTANCE)) {
        return new Node[] {arg(term, 1 - i), arg(log, 0)};
      }
    }
    return null;
  }

  /** Matches (1 − Y)∘log(1 − A) for the given Y and A. */
  private static boolean isNegativeTerm(Node term, Node y, Node a, Rewriting r) {
    if (!computedBy(term, Mul.INSTANCE)) {
      return false;
    }
    for (int i = 0; i < 2; i++) {
      Node log = arg(term, i);
      Node weight = arg(term, 1 - i);
      if (computedBy(log, Log.INSTANCE) && isOneMinus(arg(log, 0), a, r)
          && isOneMinus(weight, y, r)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isOneMinus(Node n, Node x, Rewriting r) {
    if (!computedBy(n, Sub.INSTANCE) || arg(n, 1) != x) {
      return false;
    }
    Double one = r.uniformValue(arg(n, 0));
    return one != null && one == 1.0 && n.shape().equals(x.shape());
  }
}
