package dev.chainrule.core.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Seed 001's 2-2-2 sigmoid network, checked against the numbers the seed prints. */
class MazurSeedTest {
  private final Graph g = new Graph();
  private final Node x = g.input("i", Tensor.column(0.05, 0.10));
  private final Node target = g.input("target", Tensor.column(0.01, 0.99));
  private final Node w1 = g.parameter("W[1]", Tensor.matrix(new double[] {0.15, 0.20},
      new double[] {0.25, 0.30}));
  private final Node w2 = g.parameter("W[2]", Tensor.matrix(new double[] {0.40, 0.45},
      new double[] {0.50, 0.55}));
  private final Node b1 = g.constant("b1", Tensor.scalar(0.35));
  private final Node b2 = g.constant("b2", Tensor.scalar(0.60));
  private final Node outH = w1.matmul(x).add(b1).sigmoid().named("out_h");
  private final Node outO = w2.matmul(outH).add(b2).sigmoid().named("out_o");
  private final Node error = target.sub(outO).square().mul(0.5).sum().named("E_total");

  @Test
  void forwardMatchesTheSeed() {
    Results r = Plan.compile(outH, outO, error).run(Feeds.none());
    assertEquals(0.593269992, r.get(outH).get(0, 0), 5e-10);
    assertEquals(0.596884378, r.get(outH).get(1, 0), 5e-10);
    assertEquals(0.75136507, r.get(outO).get(0, 0), 5e-9);
    assertEquals(0.772928465, r.get(outO).get(1, 0), 5e-10);
    assertEquals(0.298371109, r.scalar(error), 5e-10);
  }

  @Test
  void gradientsMatchTheSeedsChainRule() {
    Node[] d = Autodiff.grad(error, w1, w2).toArray(new Node[0]);
    Results r = Plan.compile(d).run(Feeds.none());
    assertEquals(0.082167041, r.get(d[1]).get(0, 0), 5e-10, "∂E/∂w5");
    assertEquals(0.000438568, r.get(d[0]).get(0, 0), 5e-10, "∂E/∂w1");
    assertEquals("dW[2]", d[1].name());
  }

  @Test
  void fanOutSumsBothRoutesIntoOutH() {
    Gradients pass = Autodiff.gradients(error, java.util.List.of(w1));
    Node dOutH = pass.adjoint(outH);
    Tensor v = Plan.compile(dOutH).run(Feeds.none()).get(dOutH);
    assertEquals(0.055399425 - 0.019049119, v.get(0, 0), 5e-9, "∂E/∂out_h1");
    assertEquals("dout_h", dOutH.name());
  }
}
