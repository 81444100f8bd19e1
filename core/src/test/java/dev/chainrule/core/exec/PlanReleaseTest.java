package dev.chainrule.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A plan that was run and then dropped can be collected, and its graph with it: a user who
 * builds and compiles a graph at every step must not keep every step's plan alive through the
 * thread that ran it.
 */
class PlanReleaseTest {
  @Test
  void aPlanRunOnThisThreadAndItsGraphAreCollectedOnceDropped() throws InterruptedException {
    List<WeakReference<Object>> dropped = new ArrayList<>();
    for (int step = 0; step < 20; step++) {
      Graph g = new Graph();
      Node x = g.parameter("x", Tensor.scalar(step));
      Node y = x.mul(x).add(1.0);
      Plan plan = Plan.compile(y);
      assertEquals(step * step + 1.0, plan.run(Feeds.none()).scalar(y));
      dropped.add(new WeakReference<>(plan));
      dropped.add(new WeakReference<>(g));
    }
    for (int attempt = 0; attempt < 50 && dropped.stream().anyMatch(r -> r.get() != null);
        attempt++) {
      System.gc();
      Thread.sleep(20);
    }
    for (WeakReference<Object> r : dropped) {
      assertNull(r.get(), "still reachable after the step that made it");
    }
  }
}
