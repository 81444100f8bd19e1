package dev.chainrule.examples.newton;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.Generators;

/**
 * Logistic regression in the seeds' column layout on two overlapping Gaussian blobs: X holds the
 * samples as columns, with a last row of ones, so that θ·X = W·X + b for θ = (w1, w2, b);
 * A = σ(θ·X) and J = −mean(Y ∘ log A + (1 − Y) ∘ log(1 − A)). The blobs overlap, so no line
 * separates them and the minimum is finite. The graph holds J, its gradient and its Hessian
 * (forward over reverse).
 */
final class LogisticProblem {
  /** The blobs' standard deviation around centres (±4, 0): they overlap. */
  static final double SPREAD = 3.0;

  final int samples;
  final Graph graph = new Graph();
  final Node x;
  final Node y;
  final Node theta;
  final Node a;
  final Node loss;
  final Node gradient;
  final Node hessian;

  LogisticProblem(int samples, long seed) {
    this.samples = samples;
    Dataset blobs = Generators.blobs(samples, 2, SPREAD, seed);
    Tensor features = blobs.featuresColumns();
    double[] rows = new double[3 * samples];
    System.arraycopy(features.toArray(), 0, rows, 0, 2 * samples);
    java.util.Arrays.fill(rows, 2 * samples, 3 * samples, 1.0);
    double[] labels = new double[samples];
    for (int i = 0; i < samples; i++) {
      labels[i] = blobs.label(i);
    }
    x = graph.input("X", Tensor.of(rows, 3, samples));
    y = graph.input("Y", Tensor.of(labels, 1, samples));
    theta = graph.parameter("θ", Tensor.zeros(1, 3));
    a = theta.matmul(x).sigmoid().named("A");
    loss = y.mul(a.log()).add(y.rsub(1).mul(a.rsub(1).log())).mean().neg().named("J");
    gradient = Autodiff.grad(loss, theta).get(0);
    hessian = Autodiff.hessian(loss, theta).reshape(3, 3);
  }

  /** Returns the hand-derived Hessian (1/m)·X·diag(A ∘ (1 − A))·Xᵀ, or a slip of it. */
  Node handHessian(boolean overM, boolean sigmoidDerivative) {
    Node weighted = sigmoidDerivative ? x.matmul(a.mul(a.rsub(1)).diag()) : x;
    Node product = weighted.matmul(false, x, true);
    return overM ? product.div(samples) : product;
  }

  /** Returns tr(X·Xᵀ)/4m, a bound on the Hessian's largest eigenvalue (σ′ ≤ ¼). */
  double curvatureBound() {
    double sum = 0;
    for (double v : x.heldValue().buffer()) {
      sum += v * v;
    }
    return sum / (4.0 * samples);
  }
}
