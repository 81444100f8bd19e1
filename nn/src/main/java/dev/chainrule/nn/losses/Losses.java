package dev.chainrule.nn.losses;

import dev.chainrule.core.graph.CreationSite;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ShapeException;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.layers.Layout;
import java.util.List;

/**
 * Loss functions as graph nodes, so that their gradients are graphs too. Costs are averaged over
 * the m samples of the batch where the seeds average (J = (1/m)·Σᵢ L⁽ⁱ⁾, seeds 000, 002, 004) and
 * summed over a sample's outputs; {@link #halfSumOfSquares} is seed 001's un-averaged E.
 *
 * <p>The stable forms never evaluate e^z or log 0 for large |z|: binary cross-entropy from logits
 * is max(z, 0) − z·y + log(1 + e^−|z|), and softmax cross-entropy reads log-softmax, both finite
 * at logits of ±1000.
 */
public final class Losses {
  private Losses() {}

  /** Returns L1: (1/m)·Σ |y − ŷ|. */
  public static Node l1(Node output, Node target, Layout layout) {
    check("l1", output, target);
    return target.sub(output).abs().sum().div(samples(output, layout)).named("J");
  }

  /** Returns L2 (seed 000): (1/m)·Σ (y − ŷ)², summed over outputs, averaged over samples. */
  public static Node l2(Node output, Node target, Layout layout) {
    check("l2", output, target);
    return target.sub(output).square().sum().div(samples(output, layout)).named("J");
  }

  /** Returns the mean squared error over every element: mean((y − ŷ)²). */
  public static Node mse(Node output, Node target) {
    check("mse", output, target);
    return target.sub(output).square().mean().named("J");
  }

  /** Returns seed 001's E_total = Σ ½(target − out)², summed over outputs and samples. */
  public static Node halfSumOfSquares(Node output, Node target) {
    check("half sum of squares", output, target);
    return target.sub(output).square().mul(0.5).sum().named("E_total");
  }

  /**
   * Returns binary cross-entropy from probabilities as the seeds write it (000, 004):
   * J = −(1/m)·Σ [y·log a + (1 − y)·log(1 − a)]. It is infinite when a sigmoid saturates to
   * exactly 0 or 1; prefer {@link #binaryCrossEntropyWithLogits} for training.
   */
  public static Node binaryCrossEntropy(Node probabilities, Node target, Layout layout) {
    check("binary cross-entropy", probabilities, target);
    Node a = probabilities;
    Node y = target;
    Node perSample = y.mul(a.log()).add(y.rsub(1).mul(a.rsub(1).log()));
    return perSample.sum().div(samples(a, layout)).neg().named("J");
  }

  /**
   * Returns binary cross-entropy of σ(z), computed from the logits z without forming σ(z):
   * J = (1/m)·Σ [max(z, 0) − z·y + log(1 + e^−|z|)], finite for any finite z. The max and |z|
   * are built as z·1(z ≥ 0) and z·(2·1(z ≥ 0) − 1), so the derivative at z = 0 is σ(0) − y =
   * ½ − y (a zero-initialised output layer starts there).
   */
  public static Node binaryCrossEntropyWithLogits(Node logits, Node target, Layout layout) {
    check("binary cross-entropy with logits", logits, target);
    Graph g = logits.graph();
    Node z = logits;
    Node nonNegative = z.ge(g.scalar(0.0));
    Node positivePart = z.mul(nonNegative);
    Node magnitude = z.mul(nonNegative.mul(2.0).sub(1.0));
    Node softplusTail = magnitude.neg().exp().add(1.0).log();
    Node perElement = positivePart.sub(z.mul(target)).add(softplusTail);
    return perElement.sum().div(samples(z, layout)).named("J");
  }

  /**
   * Returns softmax cross-entropy from logits and one-hot targets (seed 002):
   * J = −(1/m)·Σᵢ Σₖ yᵢₖ·log softmax(zᵢ)ₖ, computed with log-softmax; its gradient with respect to
   * the logits is (P − Y)/m.
   */
  public static Node softmaxCrossEntropy(Node logits, Node oneHot, Layout layout) {
    check("softmax cross-entropy", logits, oneHot);
    Node logP = logits.logSoftmax(layout.featureAxis());
    return oneHot.mul(logP).sum().div(samples(logits, layout)).neg().named("J");
  }

  /**
   * Returns softmax cross-entropy from logits and class indices: {@code classes} holds one class
   * number per sample, shape (m, 1) in rows or (1, m) in columns. The one-hot rows are formed in
   * the graph by comparing the indices with 0..C−1; an index outside that range contributes 0.
   */
  public static Node softmaxCrossEntropyWithIndices(Node logits, Node classes, Layout layout) {
    int m = samples(logits, layout);
    int c = layout.features(logits.shape());
    if (!classes.shape().equals(layout.dataShape(1, m))) {
      throw new ShapeException("softmax cross-entropy with class indices: " + classes.name()
          + " has shape " + classes.shape() + " but " + logits.name() + " " + logits.shape()
          + " needs one index per sample, shape " + layout.dataShape(1, m) + " (at "
          + CreationSite.here() + ")");
    }
    double[] ids = new double[c];
    for (int k = 0; k < c; k++) {
      ids[k] = k;
    }
    Node range = logits.graph().constant("classes", Tensor.wrap(layout.dataShape(c, 1), ids)
        .to(logits.dtype()));
    Node oneHot = classes.eq(range).named("1(y)");
    return softmaxCrossEntropy(logits, oneHot, layout);
  }

  /** Returns the weight penalty ½λ·Σ‖W‖² over {@code weights} (seeds 002 and 003). */
  public static Node l2Penalty(double lambda, List<Node> weights) {
    checkLambda(lambda);
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("the L2 penalty needs at least one parameter");
    }
    Node total = null;
    for (Node w : weights) {
      Node s = w.square().sum();
      total = total == null ? s : total.add(s);
    }
    return total.mul(0.5 * lambda).named("penalty");
  }

  /** Checks the weight-decay factor λ of an L2 penalty: a finite number, 0 or more. */
  static void checkLambda(double lambda) {
    if (!(lambda >= 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException("the L2 penalty's λ must be a finite number >= 0, got "
          + lambda);
    }
  }

  private static int samples(Node output, Layout layout) {
    if (output.shape().rank() != 2) {
      throw new ShapeException(output.name() + " has shape " + output.shape() + "; a loss needs a "
          + "matrix of (outputs, m) in columns or (m, outputs) in rows (at " + CreationSite.here()
          + ")");
    }
    return layout.samples(output.shape());
  }

  private static void check(String loss, Node output, Node target) {
    if (!output.shape().equals(target.shape())) {
      throw new ShapeException(loss + ": output " + output.name() + " has shape " + output.shape()
          + " but target " + target.name() + " has shape " + target.shape()
          + "; they must be equal (at " + CreationSite.here() + ")");
    }
  }
}
