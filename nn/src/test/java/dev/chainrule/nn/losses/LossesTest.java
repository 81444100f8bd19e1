package dev.chainrule.nn.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.check.GradCheck;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ShapeException;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.layers.Layout;
import java.util.List;
import org.junit.jupiter.api.Test;

class LossesTest {
  private static final Tensor OUT = Tensor.matrix(new double[] {0.2, 0.9},
      new double[] {0.4, 0.1});
  private static final Tensor TARGET = Tensor.matrix(new double[] {0, 1}, new double[] {1, 0});

  private static double value(Node n) {
    return n.value().item();
  }

  private static Tensor gradient(Node loss, Node wrt) {
    return Autodiff.grad(loss, wrt).get(0).value();
  }

  /** By hand, two samples as rows: Σ|y − ŷ| = 0.2 + 0.1 + 0.6 + 0.1 = 1.0, over m = 2. */
  @Test
  void l1AveragesOverSamples() {
    Graph g = new Graph();
    assertEquals(0.5, value(Losses.l1(g.input("A", OUT), g.input("Y", TARGET), Layout.ROW)),
        1e-15);
  }

  /** Σ(y − ŷ)² = 0.04 + 0.01 + 0.36 + 0.01 = 0.42: L2 divides by m = 2, MSE by all 4. */
  @Test
  void l2AndMse() {
    Graph g = new Graph();
    Node a = g.input("A", OUT);
    Node y = g.input("Y", TARGET);
    assertEquals(0.21, value(Losses.l2(a, y, Layout.ROW)), 1e-15);
    assertEquals(0.105, value(Losses.mse(a, y)), 1e-15);
    assertEquals(0.42 / 2, value(Losses.l2(g.input("At", OUT.transpose()),
        g.input("Yt", TARGET.transpose()), Layout.COLUMN)), 1e-15);
  }

  /** Seed 001: out = (0.751365069552, 0.772928465321), targets (0.01, 0.99), E = 0.29837110876. */
  @Test
  void halfSumOfSquaresIsSeed001sTotalError() {
    Graph g = new Graph();
    Node out = g.input("out", Tensor.column(0.751365069552, 0.772928465321));
    Node target = g.input("target", Tensor.column(0.01, 0.99));
    assertEquals(0.29837110876, value(Losses.halfSumOfSquares(out, target)), 1e-11);
  }

  @Test
  void binaryCrossEntropyAsTheSeedsWriteIt() {
    Graph g = new Graph();
    Node a = g.input("A", Tensor.row(0.8, 0.3));
    Node y = g.input("Y", Tensor.row(1, 0));
    double byHand = -(Math.log(0.8) + Math.log(1 - 0.3)) / 2;
    Node j = Losses.binaryCrossEntropy(a, y, Layout.COLUMN);
    assertEquals(byHand, value(j), 1e-15);
    assertEquals(0.28990924763, value(j), 1e-11);
    // dJ/da = (a − y) / (a(1 − a)) / m (seed 004's dA[2], with the 1/m of J)
    Tensor d = gradient(j, a);
    assertEquals((0.8 - 1) / (0.8 * 0.2) / 2, d.get(0, 0), 1e-15);
    assertEquals((0.3 - 0) / (0.3 * 0.7) / 2, d.get(0, 1), 1e-15);
  }

  @Test
  void binaryCrossEntropyFromLogitsMatchesTheProbabilityForm() {
    double[] z = {2, -1, 0};
    double[] y = {1, 0, 1};
    Graph g = new Graph();
    Node zn = g.input("Z", Tensor.row(z));
    Node j = Losses.binaryCrossEntropyWithLogits(zn, g.input("Y", Tensor.row(y)), Layout.COLUMN);
    double sum = 0;
    for (int i = 0; i < 3; i++) {
      double s = 1 / (1 + Math.exp(-z[i]));
      sum += -(y[i] * Math.log(s) + (1 - y[i]) * Math.log(1 - s));
    }
    assertEquals(sum / 3, value(j), 1e-15);
    assertEquals(0.37777895971, value(j), 1e-11);
    Tensor d = gradient(j, zn);
    for (int i = 0; i < 3; i++) {
      double s = 1 / (1 + Math.exp(-z[i]));
      assertEquals((s - y[i]) / 3, d.get(0, i), 1e-15);
    }
  }

  /**
   * At z = 0 exactly (a zero-initialised output layer) the gradient must be (σ(0) − y)/m =
   * (½ − y)/m, not the −y/m that a max/abs with derivative 0 at the kink would give.
   */
  @Test
  void binaryCrossEntropyFromLogitsHasTheRightGradientAtZero() {
    Graph g = new Graph();
    Node z = g.input("Z", Tensor.row(0, 0));
    Node j = Losses.binaryCrossEntropyWithLogits(z, g.input("Y", Tensor.row(1, 0)),
        Layout.COLUMN);
    Tensor d = gradient(j, z);
    assertEquals(-0.25, d.get(0, 0), 0);
    assertEquals(0.25, d.get(0, 1), 0);
    assertEquals(Math.log(2), value(j), 1e-15);
  }

  /** Logits of ±1000: per sample 0, 0, 1000, 1000 → J = 500; gradient (σ(z) − y)/4. */
  @Test
  void stableBinaryCrossEntropyAtHugeLogits() {
    Graph g = new Graph();
    Node z = g.input("Z", Tensor.row(1000, -1000, 1000, -1000));
    Node y = g.input("Y", Tensor.row(1, 0, 0, 1));
    Node j = Losses.binaryCrossEntropyWithLogits(z, y, Layout.COLUMN);
    assertEquals(500, value(j), 0);
    Tensor d = gradient(j, z);
    assertEquals(List.of(0.0, 0.0, 0.25, -0.25), List.of(d.get(0, 0), d.get(0, 1), d.get(0, 2),
        d.get(0, 3)));
    Node probabilities = Losses.binaryCrossEntropy(z.sigmoid(), y, Layout.COLUMN);
    assertFalse(Double.isFinite(value(probabilities)),
        "the probability form overflows where the logit form does not");
  }

  /**
   * Sample 1: logits (1, 2, 3), class 2: log(e + e² + e³) − 3 = 0.40760596444. Sample 2: (0, 0,
   * 0), class 0: ln 3. J is their mean; the gradient is (P − Y)/m.
   */
  @Test
  void softmaxCrossEntropyAgainstHandValues() {
    Graph g = new Graph();
    Node z = g.input("Z", Tensor.matrix(new double[] {1, 2, 3}, new double[] {0, 0, 0}));
    Node y = g.input("Y", Tensor.matrix(new double[] {0, 0, 1}, new double[] {1, 0, 0}));
    Node j = Losses.softmaxCrossEntropy(z, y, Layout.ROW);
    assertEquals((0.40760596444 + Math.log(3)) / 2, value(j), 1e-11);
    Tensor d = gradient(j, z);
    double s = Math.exp(1) + Math.exp(2) + Math.exp(3);
    assertEquals(Math.exp(1) / s / 2, d.get(0, 0), 1e-15);
    assertEquals((Math.exp(3) / s - 1) / 2, d.get(0, 2), 1e-15);
    assertEquals((1.0 / 3 - 1) / 2, d.get(1, 0), 1e-15);
  }

  @Test
  void stableSoftmaxCrossEntropyAtHugeLogits() {
    Graph g = new Graph();
    Node z = g.input("Z", Tensor.matrix(new double[] {1000, -1000, 0},
        new double[] {1000, -1000, 0}));
    Node y = g.input("Y", Tensor.matrix(new double[] {1, 0, 0}, new double[] {0, 1, 0}));
    Node j = Losses.softmaxCrossEntropy(z, y, Layout.ROW);
    assertEquals(1000, value(j), 0);
    Tensor d = gradient(j, z);
    assertEquals(0, d.get(0, 0), 0);
    assertEquals(0.5, d.get(1, 0), 0);
    assertEquals(-0.5, d.get(1, 1), 0);
  }

  @Test
  void classIndicesGiveTheSameCostAsOneHotInBothLayouts() {
    Tensor logits = Tensor.matrix(new double[] {0.3, -1.2, 2.0}, new double[] {1.5, 0.1, -0.4});
    Tensor oneHot = Tensor.matrix(new double[] {0, 0, 1}, new double[] {1, 0, 0});
    Graph g = new Graph();
    double expected = value(Losses.softmaxCrossEntropy(g.input("Z", logits),
        g.input("Y", oneHot), Layout.ROW));
    double rows = value(Losses.softmaxCrossEntropyWithIndices(g.input("Z2", logits),
        g.input("y", Tensor.column(2, 0)), Layout.ROW));
    double cols = value(Losses.softmaxCrossEntropyWithIndices(g.input("Z3",
        logits.transpose()), g.input("y2", Tensor.row(2, 0)), Layout.COLUMN));
    assertEquals(expected, rows, 1e-15);
    assertEquals(expected, cols, 1e-15);
  }

  /** ½·0.1·(1 + 4 + 9 + 16 + 1) = 1.55; its gradient is λW (seeds 002, 003). */
  @Test
  void l2PenaltyAndItsGradient() {
    Graph g = new Graph();
    Node w = g.parameter("W", Tensor.matrix(new double[] {1, 2}, new double[] {3, 4}));
    Node v = g.parameter("V", Tensor.matrix(new double[] {-1}));
    Node p = Losses.l2Penalty(0.1, List.of(w, v));
    assertEquals(1.55, value(p), 1e-15);
    Tensor dw = gradient(p, w);
    assertEquals(0.4, dw.get(1, 1), 1e-16);
    assertEquals(-0.1, gradient(p, v).item(), 1e-16);
  }

  @Test
  void everyLossPassesGradcheck() {
    Graph g = new Graph();
    Node a = g.input("A", Tensor.matrix(new double[] {0.2, 0.7}, new double[] {0.6, 0.35}));
    Node y = g.input("Y", Tensor.matrix(new double[] {0, 1}, new double[] {1, 0}));
    Node z = g.input("Z", Tensor.matrix(new double[] {0.5, -2.0}, new double[] {1.3, 0.2}));
    Node w = g.parameter("W", Tensor.matrix(new double[] {0.5, -0.3}));
    Object[][] cases = {
        {Losses.l1(a, y, Layout.ROW), a}, {Losses.l2(a, y, Layout.ROW), a},
        {Losses.mse(a, y), a}, {Losses.halfSumOfSquares(a, y), a},
        {Losses.binaryCrossEntropy(a, y, Layout.ROW), a},
        {Losses.binaryCrossEntropyWithLogits(z, y, Layout.COLUMN), z},
        {Losses.softmaxCrossEntropy(z, y, Layout.ROW), z},
        {Losses.softmaxCrossEntropy(z, y, Layout.COLUMN), z},
        {Losses.l2Penalty(0.3, List.of(w)), w}};
    for (Object[] c : cases) {
      Node j = (Node) c[0];
      var report = GradCheck.check(j, List.of((Node) c[1]), Feeds.none());
      assertTrue(report.passes(1e-7), j + ": " + report);
    }
  }

  @Test
  void mismatchedShapesNameTheLossAndBothShapes() {
    Graph g = new Graph();
    ShapeException e = assertThrows(ShapeException.class, () -> Losses.l2(
        g.input("A", 2, 3), g.input("Y", 3, 2), Layout.ROW));
    assertTrue(e.getMessage().contains("l2: output A has shape (2, 3) but target Y has shape "
        + "(3, 2)"), e.getMessage());
  }
}
