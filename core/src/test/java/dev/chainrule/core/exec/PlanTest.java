package dev.chainrule.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Naive;
import dev.chainrule.core.tensor.Samples;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.testing.Close;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Compiled plans: repeated runs, buffer reuse, concurrent runs, and interactive values. */
class PlanTest {
  private static final double TOL = 1e-14;
  private final Random random = new Random(3);
  private final Graph g = new Graph();
  private final Tensor w0 = Samples.uniform(random, -1, 1, 4, 3);
  private final Tensor b0 = Samples.uniform(random, -1, 1, 4, 1);
  private final Node x = g.input("X", 3, 5);
  private final Node w = g.parameter("W", w0);
  private final Node b = g.parameter("b", b0);
  private final Node a = w.matmul(x).add(b).tanh().named("A");
  private final Node loss = a.square().sum().named("L");

  /** A = tanh(W·X + b), computed by the naive reference. */
  private Tensor expectedA(Tensor x0) {
    return Naive.unary(Naive.binary(Naive.matmul(w.storedValue(), false, x0, false),
        b.storedValue(), Double::sum), Math::tanh);
  }

  @Test
  void runsWithDifferentFeedsGiveIndependentCorrectResults() {
    Plan plan = Plan.compile(a, loss);
    Tensor x1 = Samples.uniform(random, -1, 1, 3, 5);
    Tensor x2 = Samples.uniform(random, -1, 1, 3, 5);
    Tensor a1 = plan.run(Feeds.of(x, x1)).get(a).copy();
    Results r2 = plan.run(Feeds.of(x, x2));
    Close.assertClose("first run", a1, expectedA(x1), TOL, TOL);
    Close.assertClose("second run", r2.get(a), expectedA(x2), TOL, TOL);
    double l2 = Naive.unary(expectedA(x2), v -> v * v).sum().item();
    assertEquals(l2, r2.scalar(loss), 1e-13);
    assertSame(x2, r2.get(x), "an input's result is the fed tensor itself");
  }

  @Test
  void resultsAreThePlansBuffersOverwrittenByTheNextRun() {
    Plan plan = Plan.compile(a);
    Tensor x1 = Samples.uniform(random, -1, 1, 3, 5);
    Tensor x2 = Samples.uniform(random, -1, 1, 3, 5);
    Tensor first = plan.run(Feeds.of(x, x1)).get(a);
    Tensor second = plan.run(Feeds.of(x, x2)).get(a);
    assertSame(first, second, "the same buffer is reused: runs allocate nothing");
    Close.assertClose("the earlier result now holds the later run", first, expectedA(x2), TOL,
        TOL);
  }

  @Test
  void parametersAreReadLiveSoInPlaceUpdatesShowInTheNextRun() {
    Plan plan = Plan.compile(a);
    Tensor x1 = Samples.uniform(random, -1, 1, 3, 5);
    Tensor before = plan.run(Feeds.of(x, x1)).get(a).copy();
    w.storedValue().addScaledInPlace(-0.5, w.storedValue());
    Tensor after = plan.run(Feeds.of(x, x1)).get(a);
    Close.assertClose("after W ← W/2", after, expectedA(x1), TOL, TOL);
    assertEquals(false, before.equals(after));
  }

  @Test
  void concurrentRunsFromEightThreadsEqualSequentialRuns() throws Exception {
    Node dw = Autodiff.grad(loss, w).get(0);
    Plan plan = Plan.compile(a, loss, dw);
    int threads = 8;
    List<Tensor> feeds = new ArrayList<>();
    List<Tensor[]> sequential = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Tensor xt = Samples.uniform(random, -1, 1, 3, 5);
      feeds.add(xt);
      Results r = plan.run(Feeds.of(x, xt));
      sequential.add(new Tensor[] {r.get(a).copy(), r.get(loss).copy(), r.get(dw).copy()});
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<String>> outcomes = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        outcomes.add(pool.submit(() -> {
          start.await();
          for (int rep = 0; rep < 200; rep++) {
            int k = (id + rep) % threads;
            Results r = plan.run(Feeds.of(x, feeds.get(k)));
            Tensor[] expected = sequential.get(k);
            if (!r.get(a).equals(expected[0]) || !r.get(loss).equals(expected[1])
                || !r.get(dw).equals(expected[2])) {
              return "thread " + id + " run " + rep + " differs for feed " + k;
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<String> f : outcomes) {
        assertEquals(null, f.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void planRunsOnlyTheTargetsAncestors() {
    Node unrelated = g.input("U", 2);
    Node other = unrelated.exp();
    Plan plan = Plan.compile(a);
    assertEquals(false, plan.schedule().contains(other));
    assertEquals(List.of(x), plan.inputs());
    plan.run(Feeds.of(x, Tensor.zeros(3, 5)));
  }

  @Test
  void interactiveValuesUseHeldInputsAndReturnCopies() {
    Tensor x1 = Samples.uniform(random, -1, 1, 3, 5);
    x.hold(x1);
    Tensor v = a.value();
    Close.assertClose("A from the held X", v, expectedA(x1), TOL, TOL);
    v.fillInPlace(7);
    Close.assertClose("value() is a copy", a.value(), expectedA(x1), TOL, TOL);
    Tensor x2 = Samples.uniform(random, -1, 1, 3, 5);
    x.hold(x2);
    Close.assertClose("after holding another X", a.value(), expectedA(x2), TOL, TOL);
    Tensor x3 = Samples.uniform(random, -1, 1, 3, 5);
    Close.assertClose("feeds take precedence over held values",
        Plan.compile(a).run(Feeds.of(x, x3)).get(a), expectedA(x3), TOL, TOL);
    assertSame(w0, w.value(), "a parameter's value is its live tensor");
    assertNotSame(x2, x.value());
    assertEquals(x2, x.value());
  }

  @Test
  void gradientNodesEvaluateInteractively() {
    Tensor x1 = Samples.uniform(random, -1, 1, 3, 5);
    x.hold(x1);
    Node db = Autodiff.grad(loss, b).get(0);
    Tensor t = expectedA(x1);
    // dL/db = Σ over samples of 2A ∘ (1 − A²)
    Tensor expected = Naive.reduce(Naive.unary(t, v -> 2 * v * (1 - v * v)), new int[] {1}, true,
        Naive.Reduction.SUM);
    Close.assertClose("db", db.value(), expected, 1e-13, 1e-14);
  }
}
