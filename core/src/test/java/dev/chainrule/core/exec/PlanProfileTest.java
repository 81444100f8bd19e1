package dev.chainrule.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.exec.train.Sgd;
import dev.chainrule.core.exec.train.TrainingStep;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Profiles: one entry per step of explain() after the feeds, shares that add up, runs that really
 * run (a training step's parameter moves as many times as profiled), and the argument error.
 */
class PlanProfileTest {
  @Test
  void entriesFollowTheExplainedScheduleAndAddUp() {
    Graph g = new Graph();
    Node x = g.input("x", 4, 3);
    Node w = g.parameter("W", Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 3, 2));
    Node y = x.matmul(w).tanh().sum().named("y");
    Plan plan = Plan.compile(y);
    PlanProfile p = plan.profile(Feeds.of(x, Tensor.zeros(4, 3)), 5);
    String[] explained = plan.explain().split("\n");
    assertEquals(explained.length, p.entries().size(), p.toString());
    assertEquals(PlanProfile.FEEDS, p.entries().get(0).step());
    double share = 0;
    double micros = 0;
    for (int i = 1; i < explained.length; i++) {
      assertEquals(explained[i].trim(), p.entries().get(i).step());
    }
    for (PlanProfile.Entry e : p.entries()) {
      assertTrue(e.micros() >= 0 && e.share() >= 0, e.toString());
      share += e.share();
      micros += e.micros();
    }
    assertEquals(1.0, share, 1e-9);
    assertEquals(p.totalMicros(), micros, 1e-9 * micros);
    assertEquals(5, p.runs());
    assertTrue(p.toString().contains("tanh"), p.toString());
  }

  /**
   * L = (w − 3)², so one step at η is w ← w − 2η(w − 3): after k steps w = 3 + (w₀ − 3)(1 − 2η)^k.
   */
  @Test
  void profilingATrainingStepRunsItEachTime() {
    Graph g = new Graph();
    Node w = g.parameter("w", Tensor.scalar(1.0));
    Node loss = w.sub(3.0).square().named("L");
    TrainingStep step = TrainingStep.builder(loss).parameters(w).optimizer(new Sgd(0.1)).build();
    PlanProfile p = step.profile(Feeds.none(), 0.1, 4);
    assertEquals(3 + (1 - 3) * Math.pow(0.8, 4), w.storedValue().item(), 1e-12);
    assertEquals(4, p.runs());
  }

  @Test
  void aProfileNeedsARun() {
    Graph g = new Graph();
    Plan plan = Plan.compile(List.of(g.parameter("a", Tensor.scalar(1)).exp()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> plan.profile(Feeds.none(), 0));
    assertEquals("a profile needs at least 1 run, got 0", e.getMessage());
  }
}
