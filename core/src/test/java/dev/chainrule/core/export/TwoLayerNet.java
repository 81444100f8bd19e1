package dev.chainrule.core.export;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.autodiff.Gradients;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A 2-2-1 network in the column layout (features × samples) with two samples, small enough to
 * compute by hand: Z[1] = W[1]·X + b[1], A[1] = relu(Z[1]), Z[2] = W[2]·A[1] + b[2],
 * A[2] = σ(Z[2]), L = 0.5·mean((A[2] − Y)²), layers in scopes layer1 and layer2, the loss
 * outside every scope.
 *
 * <p>By hand: Z[1] = [[0.5, 0], [2, 3]] (and so is A[1]); Z[2] = [[−1.5, −3]].
 */
final class TwoLayerNet {
  final Graph g = new Graph();
  final Node x = g.input("X", Tensor.matrix(new double[] {1, 2}, new double[] {0, 1}));
  final Node y = g.input("Y", Tensor.row(1, 0));
  final Node w1 = g.parameter("W[1]", Tensor.matrix(new double[] {0.5, -1}, new double[] {1, 0}));
  final Node b1 = g.parameter("b[1]", Tensor.column(0, 1));
  final Node w2 = g.parameter("W[2]", Tensor.row(1, -1));
  final Node b2 = g.parameter("b[2]", Tensor.scalar(0));
  final Node z1;
  final Node a1;
  final Node z2;
  final Node a2;
  final Node loss;
  final Gradients grads;

  TwoLayerNet() {
    try (Graph.Scope layer = g.scope("layer1")) {
      z1 = w1.matmul(x).add(b1).named("Z[1]");
      a1 = z1.relu().named("A[1]");
    }
    try (Graph.Scope layer = g.scope("layer2")) {
      z2 = w2.matmul(a1).add(b2).named("Z[2]");
      a2 = z2.sigmoid().named("A[2]");
    }
    loss = a2.sub(y).square().mean().mul(0.5).named("L");
    grads = Autodiff.gradients(loss, List.of(w1, b1, w2, b2));
  }

  /** Returns the gradient nodes and the loss: the targets of the both view. */
  List<Node> gradientsAndLoss() {
    List<Node> t = new ArrayList<>(grads.list());
    t.add(loss);
    return t;
  }

  /** Returns dW[1], db[1], dW[2], db[2]. */
  Node grad(int k) {
    return grads.list().get(k);
  }
}
