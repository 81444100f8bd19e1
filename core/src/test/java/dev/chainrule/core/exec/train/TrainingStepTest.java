package dev.chainrule.core.exec.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.ExecOptions;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Samples;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.testing.Close;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Training steps: gradient descent on least squares against the update written out by hand, an
 * MLP step against the unoptimised plan followed by a separate SGD loop, observed gradients, other
 * update rules, and the errors of a badly described step.
 */
class TrainingStepTest {
  private final Random random = new Random(5);

  /**
   * L = mean((X·w − y)²), so dL/dw = (2/m)·Xᵀ(X·w − y) and one step is w − η·dL/dw: computed by
   * plain loops here, for three steps, with the update fused into the gradient's product.
   */
  @Test
  void leastSquaresStepsEqualTheUpdateWrittenOut() {
    int m = 7;
    int n = 3;
    double eta = 0.1;
    Tensor x0 = Samples.uniform(random, -1, 1, m, n);
    Tensor y0 = Samples.uniform(random, -1, 1, m, 1);
    double[] w = Samples.uniform(random, -1, 1, n, 1).toArray();
    Graph g = new Graph();
    Node xs = g.input("X", m, n);
    Node ys = g.input("y", m, 1);
    Node wn = g.parameter("w", Tensor.of(w, n, 1));
    Node loss = xs.matmul(wn).sub(ys).square().mean().named("L");
    TrainingStep step = TrainingStep.builder(loss).parameters(wn).build();
    assertTrue(step.toString().contains("1 updates fused into GEMMs"), step.toString());
    for (int s = 0; s < 3; s++) {
      double[] r = new double[m];
      double cost = 0;
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          r[i] += x0.get(i, j) * w[j];
        }
        r[i] -= y0.get(i, 0);
        cost += r[i] * r[i] / m;
      }
      for (int j = 0; j < n; j++) {
        double d = 0;
        for (int i = 0; i < m; i++) {
          d += 2.0 / m * x0.get(i, j) * r[i];
        }
        w[j] -= eta * d;
      }
      Results res = step.run(Feeds.of(xs, x0, ys, y0), eta);
      assertEquals(cost, res.scalar(loss), 1e-14, "the loss before step " + s);
      Close.assertClose("w after step " + s, wn.storedValue(), Tensor.of(w, n, 1), 1e-13, 1e-15);
    }
  }

  /** A two-layer network trained five steps equals the unoptimised plan plus an SGD loop. */
  @Test
  void mlpStepsEqualUnoptimisedPlanAndSeparateSgd() {
    Network a = new Network(new Random(9));
    Network b = new Network(new Random(9));
    TrainingStep step = TrainingStep.builder(a.loss).parameters(a.params).build();
    List<Node> grads = Autodiff.grad(b.loss, b.params.toArray(new Node[0]));
    Plan reference = Plan.compile(grads, ExecOptions.unoptimised());
    for (int s = 0; s < 5; s++) {
      Tensor x0 = Samples.uniform(random, -1, 1, 16, 12);
      step.run(Feeds.of(a.x, x0), 0.3);
      Results r = reference.run(Feeds.of(b.x, x0));
      for (int i = 0; i < grads.size(); i++) {
        b.params.get(i).storedValue().addScaledInPlace(-0.3, r.get(grads.get(i)));
      }
      for (int i = 0; i < a.params.size(); i++) {
        Close.assertClose(a.params.get(i).name() + " after step " + s,
            a.params.get(i).storedValue(), b.params.get(i).storedValue(), 1e-12, 1e-14);
      }
    }
  }

  /** An observed gradient is kept (so not fused) and a custom rule receives every gradient. */
  @Test
  void observedGradientsAndCustomRules() {
    Network net = new Network(new Random(4));
    List<Node> grads = Autodiff.grad(net.loss, net.params.toArray(new Node[0]));
    List<Tensor[]> seen = new ArrayList<>();
    Update record = (p, gr, lr) -> {
      assertEquals(0.7, lr);
      seen.add(new Tensor[] {p[0], gr[0].copy()});
    };
    TrainingStep step = TrainingStep.builder(net.loss).parameters(net.params).gradients(grads)
        .update(record).observe(grads.get(0)).build();
    Tensor x0 = Samples.uniform(random, -1, 1, 16, 12);
    Tensor expected = Plan.compile(List.of(grads.get(0)), ExecOptions.unoptimised())
        .run(Feeds.of(net.x, x0)).get(grads.get(0)).copy();
    Results r = step.run(Feeds.of(net.x, x0), 0.7);
    assertEquals(expected, r.get(grads.get(0)), "observed dW1");
    assertEquals(1, seen.size());
    assertSame(net.params.get(0).storedValue(), seen.get(0)[0]);
    assertEquals(expected, seen.get(0)[1], "the rule's dW1");
    assertFalse(step.toString().contains("fused into GEMMs"), step.toString());
  }

  @Test
  void badlyDescribedStepsAreRefusedInTheUsersWords() {
    Network net = new Network(new Random(2));
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> TrainingStep.builder(net.loss).build());
    assertTrue(none.getMessage().contains("needs at least one parameter"), none.getMessage());
    IllegalArgumentException input = assertThrows(IllegalArgumentException.class,
        () -> TrainingStep.builder(net.loss).parameters(net.x).build());
    assertTrue(input.getMessage().contains("X is input, not a parameter"), input.getMessage());
    Node w = net.params.get(0);
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> TrainingStep.builder(net.loss).parameters(w, w).build());
    assertTrue(twice.getMessage().contains("W1 is given twice"), twice.getMessage());
    IllegalArgumentException shapes = assertThrows(IllegalArgumentException.class,
        () -> TrainingStep.builder(net.loss).parameters(w).gradients(List.of(net.params.get(1)))
            .build());
    assertTrue(shapes.getMessage().contains("has shape (8,) but parameter W1 has shape (12, 8)"),
        shapes.getMessage());
  }

  /** X (16, 12) → tanh(X·W1 + b1) → ·W2 + b2 → L = mean((· − T)²) with a fixed target T. */
  private static final class Network {
    final Graph g = new Graph();
    final Node x = g.input("X", 16, 12);
    final List<Node> params = new ArrayList<>();
    final Node loss;

    Network(Random r) {
      Node w1 = g.parameter("W1", Samples.uniform(r, -0.5, 0.5, 12, 8));
      Node b1 = g.parameter("b1", Samples.uniform(r, -0.5, 0.5, 8));
      Node w2 = g.parameter("W2", Samples.uniform(r, -0.5, 0.5, 8, 3));
      Node b2 = g.parameter("b2", Samples.uniform(r, -0.5, 0.5, 3));
      Node t = g.constant("T", Samples.uniform(r, -1, 1, 16, 3));
      params.addAll(List.of(w1, b1, w2, b2));
      loss = x.matmul(w1).add(b1).tanh().matmul(w2).add(b2).sub(t).square().mean().named("L");
    }
  }
}
