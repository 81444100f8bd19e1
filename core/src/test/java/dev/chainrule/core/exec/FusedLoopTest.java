package dev.chainrule.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Samples;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fused elementwise loops against values computed element by element in the test: broadcast
 * operands of every kind across chunk boundaries, outputs kept in the middle of a loop, loops
 * split across threads, and scalar chains with a closed form.
 */
class FusedLoopTest {
  private final Random random = new Random(11);

  /** y = relu(x + b) ∘ c − s over (1000, 3), with b (3,), c (1000, 1) and a scalar s. */
  @Test
  void broadcastChainAcrossChunksEqualsElementByElementLoops() {
    Graph g = new Graph();
    Tensor x0 = Samples.uniform(random, -1, 1, 1000, 3);
    Tensor b0 = Samples.uniform(random, -1, 1, 3);
    Tensor c0 = Samples.uniform(random, -1, 1, 1000, 1);
    Node x = g.input("x", 1000, 3);
    Node b = g.parameter("b", b0);
    Node c = g.parameter("c", c0);
    Node s = g.constant("s", Tensor.scalar(0.25));
    Node y = x.add(b).relu().mul(c).sub(s).named("y");
    Plan plan = Plan.compile(y);
    Tensor out = plan.run(Feeds.of(x, x0)).get(y);
    for (int i = 0; i < 1000; i++) {
      for (int j = 0; j < 3; j++) {
        double v = Math.max(0, x0.get(i, j) + b0.get(j)) * c0.get(i, 0) - 0.25;
        assertEquals(v, out.get(i, j), 0.0, "y[" + i + "][" + j + "]");
      }
    }
    assertTrue(plan.toString().contains("4 operations fused into 1 loops"), plan.toString());
  }

  /** A target in the middle of a loop is written out; the rest stay in registers. */
  @Test
  void targetsInsideALoopAreKeptAndOthersAreNot() {
    Graph g = new Graph();
    Tensor x0 = Samples.uniform(random, -1, 1, 700);
    Node x = g.input("x", 700);
    Node hidden = x.exp().named("hidden");
    Node kept = hidden.mul(2.0).named("kept");
    Node y = kept.tanh().named("y");
    Results r = Plan.compile(y, kept).run(Feeds.of(x, x0));
    for (int i = 0; i < 700; i++) {
      assertEquals(2 * Math.exp(x0.get(i)), r.get(kept).get(i), 0.0);
      assertEquals(Math.tanh(2 * Math.exp(x0.get(i))), r.get(y).get(i), 0.0);
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> r.get(hidden));
    assertTrue(e.getMessage().contains("hidden was not computed by this plan"), e.getMessage());
  }

  /** A loop long enough to be split across threads gives the single-thread numbers exactly. */
  @Test
  void splitLoopEqualsOneThread() {
    Graph g = new Graph();
    Tensor x0 = Samples.uniform(random, -2, 2, 400, 1000);
    Tensor w0 = Samples.uniform(random, -1, 1, 1000);
    Node x = g.input("x", 400, 1000);
    Node w = g.parameter("w", w0);
    Node y = x.mul(w).sigmoid().mul(x).add(w).square().named("y");
    Tensor one = Plan.compile(List.of(y), ExecOptions.defaults().withThreads(1))
        .run(Feeds.of(x, x0)).get(y).copy();
    Tensor two = Plan.compile(List.of(y), ExecOptions.defaults().withThreads(2))
        .run(Feeds.of(x, x0)).get(y);
    assertEquals(one, two);
    int i = 399;
    int j = 999;
    double v = x0.get(i, j) * w0.get(j);
    double s = 1 / (1 + Math.exp(-v)) * x0.get(i, j) + w0.get(j);
    assertEquals(s * s, two.get(i, j), 1e-15 * s * s);
  }

  /**
   * Horner's y = (…((x + 1)·x + 1)·x …) + 1 over n steps is Σ xᵏ for k = 0..n, so
   * dy/dx = Σ k·xᵏ⁻¹: both evaluated here by plain loops.
   */
  @Test
  void scalarHornerChainAndItsDerivative() {
    int n = 500;
    double x0 = 0.997;
    Graph g = new Graph();
    Node x = g.parameter("x", Tensor.scalar(x0));
    Node one = g.constant("one", Tensor.scalar(1.0));
    Node y = one;
    for (int k = 0; k < n; k++) {
      y = y.mul(x).add(one);
    }
    Node dx = Autodiff.grad(y, x).get(0);
    Plan plan = Plan.compile(y, dx);
    Results r = plan.run(Feeds.none());
    double value = 0;
    double slope = 0;
    for (int k = n; k >= 0; k--) {
      value += Math.pow(x0, k);
      slope += k == 0 ? 0 : k * Math.pow(x0, k - 1);
    }
    assertEquals(value, r.scalar(y), 1e-12 * value);
    assertEquals(slope, r.scalar(dx), 1e-11 * slope);
    assertTrue(plan.toString().contains("1 steps"), plan.toString());
  }

  /** where with a broadcast condition, a scalar and a full operand, and comparisons. */
  @Test
  void whereAndComparisonsWithBroadcastOperands() {
    Graph g = new Graph();
    Tensor a0 = Samples.uniform(random, -1, 1, 600, 2);
    Tensor c0 = Samples.uniform(random, -1, 1, 600, 1);
    Node a = g.input("a", 600, 2);
    Node c = g.parameter("c", c0);
    Node y = c.ge(g.scalar(0.0)).where(a, g.scalar(-7.0)).add(a.lt(c)).named("y");
    Tensor out = Plan.compile(y).run(Feeds.of(a, a0)).get(y);
    for (int i = 0; i < 600; i++) {
      for (int j = 0; j < 2; j++) {
        double pick = c0.get(i, 0) >= 0 ? a0.get(i, j) : -7.0;
        double v = pick + (a0.get(i, j) < c0.get(i, 0) ? 1 : 0);
        assertEquals(v, out.get(i, j), 0.0);
      }
    }
  }

  /**
   * ReLU's mask 1(z &gt; 0) may read relu(z) instead of z (they agree everywhere, signed zeros and
   * NaN-free values here); a comparison with another threshold must keep reading z.
   */
  @Test
  void reluMaskReadsTheReluOutputOnlyForZeroThresholds() {
    double[] v = {-2, -0.5, -0.25, -0.0, 0.0, 0.25, 0.5, 3};
    double[] w = {1, 2, 3, 4, 5, 6, 7, 8};
    Graph g = new Graph();
    Node x = g.input("x", v.length);
    Node u = g.input("u", v.length);
    Node z = x.mul(1.0).named("z");
    Node a = z.relu().named("A");
    Node mask = u.mul(z.gt(0.0)).add(a).named("mask");
    Node other = u.mul(z.gt(-0.3)).add(a).named("other");
    Results r = Plan.compile(List.of(mask, other))
        .run(Feeds.of(x, Tensor.of(v, v.length), u, Tensor.of(w, w.length)));
    for (int i = 0; i < v.length; i++) {
      double relu = v[i] > 0 ? v[i] : 0.0;
      assertEquals(w[i] * (v[i] > 0 ? 1 : 0) + relu, r.get(mask).get(i), 0.0, "mask at " + v[i]);
      assertEquals(w[i] * (v[i] > -0.3 ? 1 : 0) + relu, r.get(other).get(i), 0.0,
          "other at " + v[i]);
    }
  }
}
