package dev.chainrule.core.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ops.MatMul;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.testing.Close;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reverse mode builds the derivatives of the inputs that lead to a requested target and nothing
 * else: no gradient node for a fed input, a constant, or a branch that reaches no target. The
 * node counts are worked out by hand from each op's derivative.
 */
class NeededGradientsTest {
  private final Graph g = new Graph();
  private final Node x = g.input("X", Tensor.matrix(new double[] {1, 2, 3},
      new double[] {4, 5, 6}));
  private final Node w = g.parameter("W", Tensor.column(0.5, -1, 2));

  @Test
  void theGradientOfWeightsBuildsNothingForTheFedInput() {
    Node loss = x.matmul(w).sum().named("L");
    assertEquals(4, g.size(), "X, W, X·W, Σ");
    Node dW = Autodiff.grad(loss, w).get(0);
    // dL = 1 (a constant); Σ's derivative: reshape () → (1, 1), broadcast to (2, 1);
    // the product's derivative for W only: Xᵀ·g. Nothing for X, which would be g·Wᵀ.
    assertEquals(8, g.size(), "4 forward nodes + dL, reshape, broadcast, Xᵀ·g");
    assertEquals(new MatMul(true, false), dW.op());
    assertEquals(x, dW.inputs().get(0));
    for (Node n : g.nodes()) {
      assertFalse(n.isGradient() && n.shape().equals(x.shape()),
          () -> n.name() + " has X's shape (2, 3): a derivative with respect to X was built");
    }
    // dW = Xᵀ·1 = column sums of X: (1 + 4, 2 + 5, 3 + 6).
    Close.assertClose("dW", Plan.compile(dW).run(Feeds.none()).get(dW),
        Tensor.column(5, 7, 9), 0, 0);
  }

  @Test
  void constantsAndBranchesThatReachNoTargetGetNoGradientNodes() {
    Node c = g.constant("C", Tensor.column(3, -2));
    Node v = g.parameter("V", Tensor.matrix(new double[] {1, 2}, new double[] {3, 4}));
    Node loss = x.matmul(w).mul(c).sum().add(v.mul(v).sum()).named("L");
    assertEquals(10, g.size(), "X, W, C, V, X·W, ∘C, Σ, V∘V, Σ, +");
    Node dW = Autodiff.grad(loss, w).get(0);
    // dL; + passes dL on to its first input only (V's branch leads to no target); Σ: reshape and
    // broadcast; ∘C for X·W only: g∘C (the same shape, no sum back); the product for W: Xᵀ·g.
    assertEquals(15, g.size(), "10 forward nodes + dL, reshape, broadcast, g∘C, Xᵀ·g");
    assertEquals(Shape.of(3, 1), dW.shape());
    // dW = Xᵀ·C = (1·3 − 4·2, 2·3 − 5·2, 3·3 − 6·2).
    Close.assertClose("dW", Plan.compile(dW).run(Feeds.none()).get(dW),
        Tensor.column(-5, -4, -3), 0, 0);
  }

  @Test
  void askingForEveryInputStillGivesEachItsGradient() {
    Node loss = x.matmul(w).sum().named("L");
    List<Node> d = Autodiff.grad(loss, x, w);
    // As above, plus g·Wᵀ for X: 9 nodes.
    assertEquals(9, g.size());
    // dX = 1·Wᵀ in every row.
    Close.assertClose("dX", Plan.compile(d).run(Feeds.none()).get(d.get(0)),
        Tensor.matrix(new double[] {0.5, -1, 2}, new double[] {0.5, -1, 2}), 0, 0);
  }
}
