package dev.chainrule.core.graph.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.check.GradCheck;
import dev.chainrule.core.check.GradCheckReport;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ShapeException;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The fused losses the rewriter introduces: forward values against the unfused formulas written
 * out in plain Java, and first and second derivatives against finite differences.
 */
class FusedOpsTest {
  private final Random random = new Random(7);

  private Tensor uniform(double lo, double hi, int... dims) {
    double[] v = new double[Shape.of(dims).size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = lo + (hi - lo) * random.nextDouble();
    }
    return Tensor.of(v, dims);
  }

  @Test
  void sigmoidCrossEntropyMatchesTheUnfusedFormula() {
    Tensor z = uniform(-6, 6, 3, 5);
    Tensor y = uniform(0, 1, 3, 5);
    Graph g = new Graph();
    Tensor out = g.apply(SigmoidCrossEntropy.INSTANCE, g.input("Z", z), g.input("Y", y)).value();
    for (int i = 0; i < z.size(); i++) {
      double a = 1 / (1 + Math.exp(-z.buffer()[i]));
      double yi = y.buffer()[i];
      double expected = -(yi * Math.log(a) + (1 - yi) * Math.log(1 - a));
      assertEquals(expected, out.buffer()[i], 1e-12);
    }
  }

  @Test
  void sigmoidCrossEntropyIsFiniteForLargeLogits() {
    Graph g = new Graph();
    Node z = g.input("Z", Tensor.row(800, -800));
    Node y = g.input("Y", Tensor.row(0, 0));
    Tensor out = g.apply(SigmoidCrossEntropy.INSTANCE, z, y).value();
    assertEquals(800, out.get(0, 0), 1e-12);
    assertEquals(0, out.get(0, 1), 1e-12);
  }

  @Test
  void softmaxCrossEntropyMatchesTheUnfusedFormulaOnBothAxes() {
    for (int axis = 0; axis < 2; axis++) {
      Tensor z = uniform(-3, 3, 4, 3);
      Tensor y = uniform(0, 1, 4, 3);
      Graph g = new Graph();
      Node ce = g.apply(new SoftmaxCrossEntropy(axis), g.input("Z", z), g.input("Y", y));
      assertEquals(axis == 0 ? Shape.of(1, 3) : Shape.of(4, 1), ce.shape());
      Tensor out = ce.value();
      for (int lane = 0; lane < (axis == 0 ? 3 : 4); lane++) {
        double norm = 0;
        double[] zs = new double[axis == 0 ? 4 : 3];
        for (int k = 0; k < zs.length; k++) {
          zs[k] = axis == 0 ? z.get(k, lane) : z.get(lane, k);
          norm += Math.exp(zs[k]);
        }
        double expected = 0;
        for (int k = 0; k < zs.length; k++) {
          double yk = axis == 0 ? y.get(k, lane) : y.get(lane, k);
          expected -= yk * Math.log(Math.exp(zs[k]) / norm);
        }
        assertEquals(expected, axis == 0 ? out.get(0, lane) : out.get(lane, 0), 1e-12);
      }
    }
  }

  @Test
  void softmaxCrossEntropyRejectsTargetsOfAnotherShape() {
    Graph g = new Graph();
    ShapeException e = assertThrows(ShapeException.class, () -> g.apply(
        new SoftmaxCrossEntropy(1), g.input("Z", 4, 3), g.input("Y", 4, 2)));
    assertTrue(e.getMessage().contains("(4, 3)") && e.getMessage().contains("(4, 2)"),
        e.getMessage());
  }

  @Test
  void sigmoidCrossEntropyDerivativesAgreeWithFiniteDifferences() {
    int[][][] pairs = {{{2, 3}, {2, 3}}, {{2, 3}, {3}}, {{3, 1}, {1, 4}}, {{}, {2, 3}}};
    for (int[][] p : pairs) {
      checkBothOrders((z, y) -> z.graph().apply(SigmoidCrossEntropy.INSTANCE, z, y),
          uniform(-3, 3, p[0]), uniform(0.05, 0.95, p[1]));
    }
  }

  @Test
  void softmaxCrossEntropyDerivativesAgreeWithFiniteDifferences() {
    int[][][] cases = {{{2, 3}, {0}}, {{2, 3}, {1}}, {{4}, {0}}, {{2, 3, 4}, {1}}};
    for (int[][] c : cases) {
      int axis = c[1][0];
      checkBothOrders((z, y) -> z.graph().apply(new SoftmaxCrossEntropy(axis), z, y),
          uniform(-2, 2, c[0]), uniform(0.05, 1, c[0]));
    }
  }

  @Test
  void softmaxCrossEntropyGradientIsPMinusYForOneHotTargets() {
    Graph g = new Graph();
    Tensor zv = uniform(-2, 2, 2, 3);
    Node z = g.parameter("Z", zv);
    Node y = g.input("Y", Tensor.matrix(new double[] {0, 1, 0}, new double[] {1, 0, 0}));
    Node loss = g.apply(new SoftmaxCrossEntropy(1), z, y).sum();
    Tensor dz = Autodiff.grad(loss, z).get(0).value();
    for (int r = 0; r < 2; r++) {
      double norm = Math.exp(zv.get(r, 0)) + Math.exp(zv.get(r, 1)) + Math.exp(zv.get(r, 2));
      for (int k = 0; k < 3; k++) {
        double p = Math.exp(zv.get(r, k)) / norm;
        assertEquals(p - y.heldValue().get(r, k), dz.get(r, k), 1e-12);
      }
    }
  }

  /** First order on a weighted sum of the outputs, second order on a weighted sum of gradients. */
  private void checkBothOrders(BiFunction<Node, Node, Node> op, Tensor zValue, Tensor yValue) {
    Graph g = new Graph();
    Node z = g.parameter("Z", zValue);
    Node y = g.parameter("Y", yValue);
    Node out = op.apply(z, y);
    Node loss = out.mul(g.constant("R", uniform(-1, 1, out.shape().dims()))).sum();
    GradCheckReport first = GradCheck.check(loss, List.of(z, y), Feeds.none());
    assertTrue(first.passes(1e-7), "first order:\n" + first);
    List<Node> d = Autodiff.grad(loss, z, y);
    Node second = d.get(0).mul(g.constant("S", uniform(-1, 1, z.shape().dims()))).sum()
        .add(d.get(1).mul(g.constant("T", uniform(-1, 1, y.shape().dims()))).sum());
    GradCheckReport report = GradCheck.check(second, List.of(z, y), Feeds.none());
    assertTrue(report.passes(1e-6), "second order:\n" + report);
  }
}
