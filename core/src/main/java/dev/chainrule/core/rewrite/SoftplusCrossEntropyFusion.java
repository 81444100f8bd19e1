package dev.chainrule.core.rewrite;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.ops.Add;
import dev.chainrule.core.graph.ops.Neg;
import dev.chainrule.core.graph.ops.SigmoidCrossEntropy;
import dev.chainrule.core.graph.ops.Sub;
import java.util.List;

/**
 * Binary cross-entropy written on the logits z, in the stable forms a loss function or a careful
 * user writes it, becomes the fused {@link SigmoidCrossEntropy} BCE(σ(z), y), whose derivative is
 * σ(z) − y: so that {@code Losses.binaryCrossEntropyWithLogits} prints dZ[2] = σ(Z[2]) − Y as
 * seed 004 derives it. Recognised, in any order and mixed with other terms, which are kept: the
 * sums that {@link SoftplusTerms} reads as exactly ±(S(z) − y·z), S the softplus, such as max(z, 0)
 * − z·y + log(1 + e^−|z|) (nn's form), log(1 + eᶻ) − y·z, (1 − y)·z + log(1 + e^−z), y·S(−z) +
 * (1 − y)·S(z), and y·log σ(z) + (1 − y)·log σ(−z) (negated).
 */
final class SoftplusCrossEntropyFusion implements Rule {
  @Override
  public String name() {
    return "softplus cross-entropy fusion";
  }

  @Override
  public Node rewrite(Op op, List<Node> in, Rewriting r) {
    if (op != Add.INSTANCE && op != Sub.INSTANCE) {
      return null;
    }
    SignedTerms terms = SignedTerms.of(in.get(0), in.get(1), op == Sub.INSTANCE);
    for (Node z : SoftplusTerms.candidates(terms)) {
      SoftplusTerms t = SoftplusTerms.read(terms, z, r);
      double sign = crossEntropySign(t);
      if (sign == 0) {
        continue;
      }
      Node bce = r.apply(SigmoidCrossEntropy.INSTANCE, z, t.y);
      Node value = sign > 0 ? bce : r.apply(Neg.INSTANCE, bce);
      for (int i = 0; i < t.rest.size(); i++) {
        value = r.apply(t.restSigns.get(i) > 0 ? Add.INSTANCE : Sub.INSTANCE, value,
            t.rest.get(i));
      }
      if (!value.shape().equals(op.inferShape(List.of(in.get(0).shape(), in.get(1).shape())))) {
        return null;
      }
      return r.fired("softplus + binary cross-entropy fused", value);
    }
    return null;
  }

  /**
   * Returns 1 when the terms read hold S(z) − y·z, −1 when they hold its negative, 0 otherwise;
   * max(z, 0) and log(1 + e^−|z|) count as S(z) only together, with equal coefficients.
   */
  private static double crossEntropySign(SoftplusTerms t) {
    if (t.y == null || t.positivePart[0] != t.tail[0] || t.positivePart[1] != t.tail[1]) {
      return 0;
    }
    double a = t.softplus[0] + t.positivePart[0];
    double b = t.softplus[1] + t.positivePart[1];
    boolean unit = Math.abs(a) == 1 && b == 0;
    return unit && t.linear[0] == 0 && t.linear[1] == -a ? a : 0;
  }
}
