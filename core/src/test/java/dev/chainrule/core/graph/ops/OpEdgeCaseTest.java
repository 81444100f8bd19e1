package dev.chainrule.core.graph.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.ExecOptions;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * What the ops do where the contract test's samples never go: extreme logits, the kinks of
 * abs/relu/leakyRelu (derivative 0, 0 and α at exactly 0, as documented), and exact ties of a
 * maximum (the gradient is split evenly). Expected values are worked out by hand.
 */
class OpEdgeCaseTest {
  private final Graph g = new Graph();

  private static Tensor run(Node n) {
    return Plan.compile(n).run(Feeds.none()).get(n);
  }

  @Test
  void softmaxAndLogSoftmaxStayFiniteForHugeLogits() {
    Node z = g.parameter("z", Tensor.of(new double[] {1000, 1001, -1000}, 3));
    double e = Math.E;
    Tensor p = run(z.softmax(0));
    assertEquals(1 / (1 + e), p.get(0), 1e-15);
    assertEquals(e / (1 + e), p.get(1), 1e-15);
    assertEquals(0.0, p.get(2));
    Tensor logP = run(z.logSoftmax(0));
    assertEquals(-Math.log1p(e), logP.get(0), 1e-12);
    assertEquals(-2000 - 1 - Math.log1p(1 / e), logP.get(2), 1e-9);
    Node first = z.logSoftmax(0).mul(g.constant("e0", Tensor.of(new double[] {1, 0, 0}, 3))).sum();
    Node d = Autodiff.grad(first, z).get(0);
    Tensor grad = run(d);
    // d log p₀ / dz = e₀ − p
    assertEquals(1 - 1 / (1 + e), grad.get(0), 1e-15);
    assertEquals(-e / (1 + e), grad.get(1), 1e-15);
    assertEquals(0.0, grad.get(2));
  }

  @Test
  void sigmoidSaturatesWithoutNaN() {
    Node x = g.parameter("x", Tensor.of(new double[] {-800, 800, 0}, 3));
    Tensor s = run(x.sigmoid());
    assertEquals(0.0, s.get(0));
    assertEquals(1.0, s.get(1));
    assertEquals(0.5, s.get(2));
    Tensor d = run(Autodiff.grad(x.sigmoid().sum(), x).get(0));
    assertEquals(Tensor.of(new double[] {0, 0, 0.25}, 3), d);
  }

  @Test
  void kinksHaveTheDocumentedOneSidedDerivatives() {
    Node x = g.parameter("x", Tensor.of(new double[] {-2, 0, 3}, 3));
    assertEquals(Tensor.of(new double[] {-1, 0, 1}, 3),
        run(Autodiff.grad(x.abs().sum(), x).get(0)), "abs: sign(x), 0 at 0");
    assertEquals(Tensor.of(new double[] {0, 0, 1}, 3),
        run(Autodiff.grad(x.relu().sum(), x).get(0)), "relu: 1(x > 0)");
    assertEquals(Tensor.of(new double[] {0.25, 0.25, 1}, 3),
        run(Autodiff.grad(x.leakyRelu(0.25).sum(), x).get(0)), "leaky: α for x ≤ 0");
  }

  /**
   * log(−1) is NaN; ReLU passes it on (as PyTorch and leaky ReLU do), so the loss says so instead
   * of summing a silent 0: sum(relu(log [−1, 4])) is NaN, fused or op by op, interactive or not.
   */
  @Test
  void reluPassesANanOnToTheLoss() {
    Node p = g.parameter("p", Tensor.of(new double[] {-1, 4}, 2));
    Node loss = p.log().relu().sum();
    assertTrue(Double.isNaN(run(loss).item()), "compiled");
    assertTrue(Double.isNaN(Plan.compile(java.util.List.of(loss), ExecOptions.unoptimised())
        .run(Feeds.none()).get(loss).item()), "unoptimised");
    assertTrue(Double.isNaN(loss.value().item()), "interactive");
    assertEquals(Math.log(4), run(p.log().relu()).get(1), 0.0);
  }

  @Test
  void exactTiesOfAMaximumShareTheGradientEvenly() {
    Node x = g.parameter("x", Tensor.matrix(new double[] {2, 2, 1}, new double[] {5, 5, 5}));
    Node d = Autodiff.grad(x.max(1).mul(g.constant("w", Tensor.of(new double[] {6, 3}, 2)))
        .sum(), x).get(0);
    Results r = Plan.compile(d).run(Feeds.none());
    assertEquals(Tensor.matrix(new double[] {3, 3, 0}, new double[] {1, 1, 1}), r.get(d));
    Node all = Autodiff.grad(x.max(), x).get(0);
    assertEquals(Tensor.matrix(new double[] {0, 0, 0}, new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}),
        run(all));
  }

  @Test
  void whereAndComparisonsBroadcastTheCondition() {
    Node c = g.constant("c", Tensor.of(new double[] {1, 0}, 2, 1));
    Node a = g.parameter("a", Tensor.of(new double[] {1, 2, 3}, 3));
    Node b = g.parameter("b", Tensor.scalar(-1));
    Node w = c.where(a, b);
    assertEquals(Tensor.matrix(new double[] {1, 2, 3}, new double[] {-1, -1, -1}), run(w));
    Node loss = w.mul(g.constant("R", Tensor.matrix(new double[] {1, 2, 3},
        new double[] {4, 5, 6}))).sum();
    var d = Autodiff.grad(loss, a, b);
    Results r = Plan.compile(d).run(Feeds.none());
    assertEquals(Tensor.of(new double[] {1, 2, 3}, 3), r.get(d.get(0)));
    assertEquals(15.0, r.get(d.get(1)).item());
    assertTrue(run(a.ge(g.constant("t", Tensor.scalar(2)))).equals(
        Tensor.of(new double[] {0, 1, 1}, 3)));
  }
}
