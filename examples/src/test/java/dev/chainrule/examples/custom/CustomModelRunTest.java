package dev.chainrule.examples.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.check.GradCheck;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomModelRunTest {
  /** softplus(0) = ln 2, softplus(±1000) = 1000 and 0 (finite), derivative σ(x). */
  @Test
  void softplusValuesAndDerivative() {
    Graph g = new Graph();
    Node x = g.input("x", Tensor.row(0, 1000, -1000, 1.5));
    Tensor y = Softplus.of(x).value();
    assertEquals(Math.log(2), y.get(0, 0), 1e-16);
    assertEquals(1000, y.get(0, 1), 0);
    assertEquals(0, y.get(0, 2), 1e-300);
    assertEquals(Math.log(1 + Math.exp(1.5)), y.get(0, 3), 1e-15);
    Node x2 = g.input("x2", Tensor.row(-2, 0.3, 4));
    var report = GradCheck.check(Softplus.of(x2).sum(), List.of(x2), Feeds.none());
    assertTrue(report.passes(1e-8), report.toString());
  }

  /** The derivative is a graph, so it can be differentiated again: softplus'' = σ(1 − σ). */
  @Test
  void secondDerivativeThroughTheUserOp() {
    Graph g = new Graph();
    Node x = g.input("x", Tensor.row(0.7));
    Node first = dev.chainrule.core.autodiff.Autodiff.grad(Softplus.of(x).sum(), x).get(0);
    Node second = dev.chainrule.core.autodiff.Autodiff.grad(first.sum(), x).get(0);
    double s = 1 / (1 + Math.exp(-0.7));
    assertEquals(s * (1 - s), second.value().item(), 1e-15);
  }

  @Test
  void skipNetPassesGradcheckAndLearnsTheMoons() {
    CustomModelRun r = CustomModelRun.compute(100, 1);
    assertTrue(r.gradcheck().passes(1e-7), r.gradcheck().toString());
    assertEquals(5, r.gradcheck().entries().size());
    assertTrue(r.accuracy() >= 0.95, "accuracy " + r.accuracy());
    assertTrue(r.testAccuracy() >= 0.93, "test accuracy " + r.testAccuracy());
  }
}
