package dev.chainrule.core.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A chain of a million operation nodes, y ← y·a + t repeated, is built, differentiated and
 * evaluated on a thread with a 256 KB stack: any recursion over the graph would overflow it (the
 * surefire JVM's -Xss8m does not apply to threads given an explicit stack size).
 */
class DeepChainTest {
  private static final int STEPS = 500_000;
  private static final long STACK = 256 * 1024;

  @Test
  void millionNodeChainDifferentiatesAndEvaluatesOnASmallStack() throws Throwable {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread worker = new Thread(null, () -> {
      try {
        chain();
      } catch (Throwable t) {
        failure.set(t);
      }
    }, "deep-chain", STACK);
    worker.start();
    worker.join();
    if (failure.get() != null) {
      throw failure.get();
    }
  }

  private static void chain() {
    double a = 1.0000001;
    double t = 1e-7;
    double x0 = 0.5;
    long start = System.nanoTime();
    Graph g = new Graph();
    Node x = g.parameter("x", Tensor.scalar(x0));
    Node ca = g.constant("a", Tensor.scalar(a));
    Node ct = g.constant("t", Tensor.scalar(t));
    Node y = x;
    for (int i = 0; i < STEPS; i++) {
      y = y.mul(ca).add(ct);
    }
    long built = System.nanoTime();
    List<Node> d = Autodiff.grad(y, x);
    long differentiated = System.nanoTime();
    Plan plan = Plan.compile(y, d.get(0));
    long compiled = System.nanoTime();
    Results r = plan.run(Feeds.none());
    long ran = System.nanoTime();
    System.out.printf(java.util.Locale.ROOT, "deep chain: %d forward nodes, %d in all; build %d ms,"
        + " grad %d ms, compile %d ms, run %d ms%n", 2 * STEPS, g.size(),
        (built - start) / 1_000_000, (differentiated - built) / 1_000_000,
        (compiled - differentiated) / 1_000_000, (ran - compiled) / 1_000_000);

    // y_N = aᴺ·x₀ + t·(aᴺ − 1)/(a − 1); dy_N/dx = aᴺ. Sequential rounding is ≈ N·ε ≈ 6e-11.
    double aN = Math.pow(a, STEPS);
    double expectedValue = aN * x0 + t * (aN - 1) / (a - 1);
    assertEquals(expectedValue, r.scalar(y), 1e-9 * expectedValue, "value");
    assertEquals(aN, r.scalar(d.get(0)), 1e-9 * aN, "derivative");
  }
}
