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
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.testing.Close;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    TrainingStep step = TrainingStep.builder(loss).parameters(wn).optimizer(new Sgd(eta)).build();
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
    TrainingStep step = TrainingStep.builder(a.loss).parameters(a.params)
        .optimizer(new Sgd(0.3)).build();
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
    Optimizer record = new Recording(seen);
    TrainingStep step = TrainingStep.builder(net.loss).parameters(net.params).gradients(grads)
        .optimizer(record).observe(grads.get(0)).build();
    Tensor x0 = Samples.uniform(random, -1, 1, 16, 12);
    Tensor expected = Plan.compile(List.of(grads.get(0)), ExecOptions.unoptimised())
        .run(Feeds.of(net.x, x0)).get(grads.get(0)).copy();
    Results r = step.run(Feeds.of(net.x, x0));
    assertEquals(expected, r.get(grads.get(0)), "observed dW1");
    assertEquals(1, seen.size());
    assertSame(net.params.get(0).storedValue(), seen.get(0)[0]);
    assertEquals(expected, seen.get(0)[1], "the rule's dW1");
    assertFalse(step.toString().contains("fused into GEMMs"), step.toString());
    assertEquals(1, step.optimizerState().steps());
  }

  /**
   * A data-parallel worker's half: computeGradients leaves the parameters alone and gives the
   * gradients of the unoptimised plan; applyInPlace of the sum of two workers' gradients is
   * W − η·(g₁ + g₂), worked out here, and counts one step.
   */
  @Test
  void gradientsOnlyAndAnUpdateFromSummedGradients() {
    Network net = new Network(new Random(6));
    Network ref = new Network(new Random(6));
    TrainingStep step = TrainingStep.builder(net.loss).parameters(net.params)
        .optimizer(new Sgd(0.5)).build();
    List<Node> refGrads = Autodiff.grad(ref.loss, ref.params.toArray(new Node[0]));
    Plan reference = Plan.compile(refGrads, ExecOptions.unoptimised());
    Tensor[] sum = new Tensor[net.params.size()];
    Tensor[] expectedSum = new Tensor[net.params.size()];
    for (int worker = 0; worker < 2; worker++) {
      Tensor x0 = Samples.uniform(random, -1, 1, 16, 12);
      Results r = step.computeGradients(Feeds.of(net.x, x0));
      Results e = reference.run(Feeds.of(ref.x, x0));
      for (int i = 0; i < sum.length; i++) {
        Tensor g = r.get(step.gradients().get(i));
        Close.assertClose("d" + net.params.get(i).name(), g, e.get(refGrads.get(i)), 1e-12, 1e-14);
        sum[i] = sum[i] == null ? g.copy() : sum[i].add(g);
        Tensor eg = e.get(refGrads.get(i));
        expectedSum[i] = expectedSum[i] == null ? eg.copy() : expectedSum[i].add(eg);
      }
    }
    for (int i = 0; i < sum.length; i++) {
      Close.assertClose("unchanged " + net.params.get(i).name(), net.params.get(i).storedValue(),
          ref.params.get(i).storedValue(), 0, 0);
    }
    step.applyInPlace(sum, 0.5);
    for (int i = 0; i < sum.length; i++) {
      ref.params.get(i).storedValue().addScaledInPlace(-0.5, expectedSum[i]);
      Close.assertClose(net.params.get(i).name() + " after the summed update",
          net.params.get(i).storedValue(), ref.params.get(i).storedValue(), 1e-12, 1e-14);
    }
    assertEquals(1, step.optimizerState().steps());
  }

  /**
   * exp(1000·w) overflows, so the loss is infinite: the update is skipped (no NaN written into the
   * parameters, no step counted), with gradient descent fused into the GEMM and with a rule that
   * runs after the plan alike.
   */
  @Test
  void aNonFiniteLossSkipsTheUpdate() {
    for (boolean fused : new boolean[] {true, false}) {
      Graph g = new Graph();
      Node x = g.input("X", 4, 3);
      Node w = g.parameter("w", Tensor.of(new double[] {1, 1, 1}, 3, 1));
      Node loss = x.matmul(w).exp().mean().named("L");
      Optimizer rule = fused ? new Sgd(0.1) : new Recording(new ArrayList<>());
      TrainingStep step = TrainingStep.builder(loss).parameters(w).optimizer(rule).build();
      Results r = step.run(Feeds.of(x, Tensor.full(Shape.of(4, 3), 1000)));
      assertEquals(Double.POSITIVE_INFINITY, r.scalar(loss));
      assertEquals(Tensor.of(new double[] {1, 1, 1}, 3, 1), w.storedValue(), "w kept, " + rule);
      assertEquals(0, step.optimizerState().steps(), rule.name());
      step.run(Feeds.of(x, Tensor.full(Shape.of(4, 3), 0.001)));
      assertEquals(1, step.optimizerState().steps(), rule.name());
    }
  }

  @Test
  void badlyDescribedStepsAreRefusedInTheUsersWords() {
    Network net = new Network(new Random(2));
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> TrainingStep.builder(net.loss).optimizer(new Sgd(0.1)).build());
    assertTrue(none.getMessage().contains("needs at least one parameter"), none.getMessage());
    IllegalArgumentException noRule = assertThrows(IllegalArgumentException.class,
        () -> TrainingStep.builder(net.loss).parameters(net.params).build());
    assertTrue(noRule.getMessage().contains("needs an optimizer: .optimizer(new Sgd(0.1))"),
        noRule.getMessage());
    TrainingStep first = TrainingStep.builder(net.loss).parameters(net.params)
        .optimizer(new Sgd(0.1)).build();
    IllegalArgumentException otherState = assertThrows(IllegalArgumentException.class,
        () -> TrainingStep.builder(net.loss).parameters(net.params.get(0))
            .optimizerState(first.optimizerState()).build());
    assertTrue(otherState.getMessage().contains("updates 4 other tensors than the training "
        + "step's parameters [W1]"), otherState.getMessage());
    Tensor before = net.params.get(0).storedValue().copy();
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> first.run(Feeds.of(net.x, Tensor.zeros(16, 12)), -0.1));
    assertTrue(negative.getMessage().contains("learning rate must be a finite number > 0, got "
        + "-0.1"), negative.getMessage());
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> first.run(Feeds.of(net.x, Tensor.zeros(16, 12)), 0.0));
    assertTrue(zero.getMessage().contains("learning rate must be a finite number > 0, got 0.0"),
        "the optimizers' rule: " + zero.getMessage());
    assertEquals(before, net.params.get(0).storedValue(), "nothing ran");
    IllegalArgumentException input = assertThrows(IllegalArgumentException.class,
        () -> TrainingStep.builder(net.loss).parameters(net.x).optimizer(new Sgd(1)).build());
    assertTrue(input.getMessage().contains("X is input, not a parameter"), input.getMessage());
    Node w = net.params.get(0);
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> TrainingStep.builder(net.loss).parameters(w, w).optimizer(new Sgd(1)).build());
    assertTrue(twice.getMessage().contains("W1 is given twice"), twice.getMessage());
    IllegalArgumentException shapes = assertThrows(IllegalArgumentException.class,
        () -> TrainingStep.builder(net.loss).parameters(w).gradients(List.of(net.params.get(1)))
            .optimizer(new Sgd(1)).build());
    assertTrue(shapes.getMessage().contains("has shape (8,) but parameter W1 has shape (12, 8)"),
        shapes.getMessage());
  }

  /** A rule that records the parameters and gradients it is given and changes nothing. */
  private static final class Recording implements Optimizer {
    private final List<Tensor[]> seen;

    Recording(List<Tensor[]> seen) {
      this.seen = seen;
    }

    @Override
    public String name() {
      return "recording";
    }

    @Override
    public double learningRate() {
      return 0.7;
    }

    @Override
    public OptimizerState start(List<Tensor> parameters) {
      return new CountedState(this, parameters) {
        @Override
        protected void applyInPlace(Tensor[] gradients, double lr) {
          assertEquals(0.7, lr);
          seen.add(new Tensor[] {tensors()[0], gradients[0].copy()});
        }

        @Override
        protected OptimizerSnapshot live() {
          return live("recording", Map.of(), Map.of(), Map.of());
        }
      };
    }
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
