package dev.chainrule.nn.manual;

import static dev.chainrule.nn.manual.Autograd.assertAgrees;
import static dev.chainrule.nn.manual.Autograd.assertFactor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seed 004 (3-4-1, tanh or ReLU, sigmoid, mean BCE) against autograd; slips pinned. */
class ShallowManualTest {
  private static final List<String> PARAMS = List.of("dW[1]", "db[1]", "dW[2]", "db[2]");
  private static final List<String> ERRORS = List.of("dA[2]", "dZ[2]", "dA[1]", "dZ[1]");

  private record Case(Tensor x, Tensor y, Tensor w1, Tensor b1, Tensor w2, Tensor b2,
      Activation g) {
    static Case random(long seed, int m, Activation g) {
      Random rng = new Random(seed);
      return new Case(Autograd.normal(rng, 1, 3, m), Autograd.bits(rng, 1, m),
          Autograd.normal(rng, 1, 4, 3), Autograd.normal(rng, 0.1, 4, 1),
          Autograd.normal(rng, 1, 1, 4), Autograd.normal(rng, 0.1, 1, 1), g);
    }

    ShallowManual manual() {
      return new ShallowManual(w1, b1, w2, b2, g);
    }

    Map<String, Tensor> autograd() {
      Graph graph = new Graph();
      Node a0 = graph.input("X", x);
      Node t = graph.input("Y", y);
      Map<String, Node> params = new LinkedHashMap<>();
      Node pw1 = graph.parameter("W[1]", w1.copy());
      Node pb1 = graph.parameter("b[1]", b1.copy());
      Node pw2 = graph.parameter("W[2]", w2.copy());
      Node pb2 = graph.parameter("b[2]", b2.copy());
      params.put("dW[1]", pw1);
      params.put("db[1]", pb1);
      params.put("dW[2]", pw2);
      params.put("db[2]", pb2);
      Node z1 = pw1.matmul(a0).add(pb1);
      Node a1 = g == Activation.TANH ? z1.tanh() : z1.relu();
      Node z2 = pw2.matmul(a1).add(pb2);
      Node a2 = z2.sigmoid();
      Node j = t.mul(a2.log()).add(t.rsub(1).mul(a2.rsub(1).log())).mean().neg();
      Map<String, Node> adj = new LinkedHashMap<>();
      adj.put("dA[2]", a2);
      adj.put("dZ[2]", z2);
      adj.put("dA[1]", a1);
      adj.put("dZ[1]", z1);
      return Autograd.of(j, params, adj);
    }
  }

  @Test
  void summaryAndCorrectedReadingAgreeWithAutogradForTanhAndRelu() {
    for (int trial = 0; trial < 10; trial++) {
      Activation g = trial % 2 == 0 ? Activation.TANH : Activation.RELU;
      Case c = Case.random(500 + trial, 1 + trial, g);
      Map<String, Tensor> auto = c.autograd();
      ManualGradients seed = c.manual().gradients(c.x(), c.y());
      ManualGradients corrected = c.manual().corrected(c.x(), c.y());
      for (String name : PARAMS) {
        assertAgrees(trial + " " + name, auto.get(name), seed.get(name));
        assertAgrees(trial + " corrected " + name, auto.get(name), corrected.get(name));
      }
      for (String name : ERRORS) {
        assertAgrees(trial + " corrected " + name, auto.get(name), corrected.get(name));
      }
    }
  }

  @Test
  void slip41DaAndDzArePerSampleLossGradientsMTimesThoseOfJ() {
    Case c = Case.random(41, 8, Activation.TANH);
    Map<String, Tensor> auto = c.autograd();
    ManualGradients seed = c.manual().gradients(c.x(), c.y());
    for (String name : ERRORS) {
      assertFactor(name, 1.0 / 8, auto.get(name), seed.get(name));
    }
  }

  @Test
  void slip44BiasGradientWithoutKeepdimsBroadcastsTheUpdateToFourByFour() {
    Case c = Case.random(44, 8, Activation.TANH);
    Tensor db1 = c.manual().db1WithoutKeepdims(c.x(), c.y());
    assertEquals(Shape.of(4), db1.shape());
    assertEquals(Shape.of(4, 4), c.b1().sub(db1.mul(0.5)).shape());
    assertEquals(GradientDiff.Verdict.SHAPE_MISMATCH,
        GradientComparison.compare("db[1]", c.autograd().get("db[1]"), db1, 1e-12).verdict());
    assertAgrees("values", c.autograd().get("db[1]").reshape(4), db1);
  }
}
