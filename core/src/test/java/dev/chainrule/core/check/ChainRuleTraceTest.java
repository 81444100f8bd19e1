package dev.chainrule.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seed 001's walkthrough regenerated from a scalar 2-2-2 network: the numbers are the seed's
 * (printed to its digits) and the independent 50-digit analysis in notes/seeds-analysis.md.
 */
class ChainRuleTraceTest {
  private final Graph g = new Graph();
  private final Node[] w = new Node[9];
  private final Node error;

  ChainRuleTraceTest() {
    double[] init = {0, 0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55};
    for (int k = 1; k <= 8; k++) {
      w[k] = g.parameter("w" + k, Tensor.scalar(init[k]));
    }
    Node i1 = g.input("i1", Tensor.scalar(0.05));
    Node i2 = g.input("i2", Tensor.scalar(0.10));
    Node b1 = g.constant("b1", Tensor.scalar(0.35));
    Node b2 = g.constant("b2", Tensor.scalar(0.60));
    Node h1 = w[1].mul(i1).add(w[2].mul(i2)).add(b1).named("net_h1").sigmoid().named("out_h1");
    Node h2 = w[3].mul(i1).add(w[4].mul(i2)).add(b1).named("net_h2").sigmoid().named("out_h2");
    Node o1 = w[5].mul(h1).add(w[6].mul(h2)).add(b2).named("net_o1").sigmoid().named("out_o1");
    Node o2 = w[7].mul(h1).add(w[8].mul(h2)).add(b2).named("net_o2").sigmoid().named("out_o2");
    Node e1 = g.input("target_o1", Tensor.scalar(0.01)).sub(o1).square().mul(0.5).named("E_o1");
    Node e2 = g.input("target_o2", Tensor.scalar(0.99)).sub(o2).square().mul(0.5).named("E_o2");
    error = e1.add(e2).named("E_total");
  }

  @Test
  void w5FollowsOnePathAsTheSeedWritesIt() {
    ChainRuleTrace t = ChainRuleTrace.of(error, w[5], Feeds.none());
    assertEquals(1, t.pathCount());
    assertEquals("∂E_total/∂w5 = ∂E_total/∂out_o1 · ∂out_o1/∂net_o1 · ∂net_o1/∂w5 = "
        + "0.74136507 × 0.186815602 × 0.593269992 = 0.082167041", t.steps().get(0));
    assertEquals(0.0821670405642, t.gradient(), 1e-12);
    assertEquals(List.of("E_total", "E_o1", "out_o1", "net_o1", "w5"),
        t.paths().get(0).nodes().stream().map(Node::name).toList());
  }

  @Test
  void w1SumsTheTwoRoutesThroughOutH1() {
    ChainRuleTrace t = ChainRuleTrace.of(error, w[1], Feeds.none());
    assertEquals(2, t.pathCount());
    List<String> s = t.steps();
    assertEquals("∂E_total/∂w1 = ∂E_total/∂out_h1 · ∂out_h1/∂net_h1 · ∂net_h1/∂w1 = "
        + "0.036350306 × 0.241300709 × 0.05 = 0.000438568", s.get(0));
    assertEquals("∂E_total/∂out_h1 = ∂E_o1/∂out_h1 + ∂E_o2/∂out_h1 = "
        + "0.055399425 + -0.019049118 = 0.036350306", s.get(1));
    assertTrue(s.contains("  ∂E_o1/∂out_h1 = ∂E_o1/∂net_o1 · ∂net_o1/∂out_h1 = "
        + "0.138498562 × 0.4 = 0.055399425"), String.join("\n", s));
    assertTrue(s.contains("    ∂E_o1/∂net_o1 = ∂E_o1/∂out_o1 · ∂out_o1/∂net_o1 = "
        + "0.74136507 × 0.186815602 = 0.138498562"), String.join("\n", s));
    assertEquals(0.000438567734474, t.gradient(), 1e-15);
    double paths = t.paths().stream().mapToDouble(ChainRuleTrace.Path::product).sum();
    assertEquals(t.gradient(), paths, 1e-17);
  }

  @Test
  void aTargetTheLossDoesNotReadHasNoPath() {
    Node unused = g.parameter("w9", Tensor.scalar(1));
    ChainRuleTrace t = ChainRuleTrace.of(error, unused, Feeds.none());
    assertEquals(0, t.pathCount());
    assertEquals(List.of("E_total does not depend on w9: ∂E_total/∂w9 = 0"), t.steps());
    assertEquals(0, t.gradient());
  }

  @Test
  void aTraceOfVectorNodesIsRefusedInWords() {
    Graph h = new Graph();
    Node x = h.parameter("W", Tensor.matrix(new double[] {1, 2}, new double[] {3, 4}));
    Node v = x.tanh().named("A").sum().named("L");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ChainRuleTrace.of(v, x, Feeds.none()));
    assertTrue(e.getMessage().contains("W has shape (2, 2)"), e.getMessage());
  }
}
