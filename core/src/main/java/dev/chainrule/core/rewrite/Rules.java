package dev.chainrule.core.rewrite;

import java.util.List;

/** The rule sets the rewriter ships with, in the order their rules are consulted. */
public final class Rules {
  private Rules() {}

  /**
   * Returns the algebraic rules: constant folding, neutral elements, signs, scalar factors,
   * reductions, transposes read by matrix products and common factors collected out of sums.
   * Common subexpressions and dead nodes are always removed, whatever the rules.
   */
  public static List<Rule> algebraic() {
    return List.of(new ConstantFolding(), new NeutralElements(), new Signs(), new ScalarFactors(),
        new Reductions(), new TransposeIntoMatMul(), new CommonFactors());
  }

  /**
   * Returns the fusions: log(softmax) and log-sum-exp → logsoftmax, the softmax written out
   * (e^z / Σ e^z, e^(z − logsumexp z)) → softmax, softmax + cross-entropy, sigmoid + binary
   * cross-entropy (on σ, or on the logits through softplus), and Σ Y = 1 for targets declared to
   * be distributions.
   */
  public static List<Rule> fusions() {
    return List.of(new LogSoftmaxFusion(), new LogSumExpFusion(), new SoftmaxQuotientFusion(),
        new SoftmaxExpFusion(), new SoftmaxCrossEntropyFusion(), new SigmoidCrossEntropyFusion(),
        new SoftplusCrossEntropyFusion(), new TargetsSumToOne());
  }

  /** Returns the algebraic rules followed by the fusions. */
  public static List<Rule> standard() {
    return java.util.stream.Stream.concat(algebraic().stream(), fusions().stream()).toList();
  }
}
