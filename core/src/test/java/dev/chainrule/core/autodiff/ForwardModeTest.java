package dev.chainrule.core.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.GraphMismatchException;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ShapeException;
import dev.chainrule.core.graph.ops.SigmoidCrossEntropy;
import dev.chainrule.core.graph.ops.SoftmaxCrossEntropy;
import dev.chainrule.core.print.FormulaPrinter;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.testing.Close;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Forward mode's tangents against Jacobian-vector products worked out by hand in plain loops (the
 * softmax's (diag(p) − p·pᵀ)·v, a mean over an axis, ties of the maxima, the fused losses at
 * logits that overflow a naive formula), and the refusals of {@link Autodiff#jvp}.
 */
class ForwardModeTest {
  private static final double TOL = 1e-13;
  private static final double[][] Z = {{0.5, -1.25, 2.0, 0.25}, {-0.75, 1.5, 0.0, -2.5}};
  private static final double[][] V = {{1.0, -0.5, 0.25, 2.0}, {-1.5, 0.75, 3.0, -0.25}};
  private final Graph g = new Graph();

  private static Tensor tangentOf(Node output, Node input, Node tangent) {
    Node t = Autodiff.jvp(output, input, tangent);
    return Plan.compile(t).run(Feeds.none()).get(t);
  }

  /** Returns the softmax of each row of {@code z}, written out: e^z / Σ e^z. */
  private static double[][] softmaxRows(double[][] z) {
    double[][] p = new double[z.length][];
    for (int i = 0; i < z.length; i++) {
      p[i] = new double[z[i].length];
      double total = 0;
      for (int j = 0; j < z[i].length; j++) {
        p[i][j] = Math.exp(z[i][j]);
        total += p[i][j];
      }
      for (int j = 0; j < z[i].length; j++) {
        p[i][j] /= total;
      }
    }
    return p;
  }

  /** Returns the Jacobian of the softmax of one row, diag(p) − p·pᵀ, entry by entry. */
  private static double[][] softmaxJacobian(double[] p) {
    double[][] j = new double[p.length][p.length];
    for (int a = 0; a < p.length; a++) {
      for (int b = 0; b < p.length; b++) {
        j[a][b] = (a == b ? p[a] : 0) - p[a] * p[b];
      }
    }
    return j;
  }

  /** Returns each row of {@code v} multiplied by the matrix {@code jacobianOfRow} gives for it. */
  private static double[][] rowwise(double[][] v, IntFunction<double[][]> jacobianOfRow) {
    double[][] out = new double[v.length][];
    for (int i = 0; i < v.length; i++) {
      double[][] j = jacobianOfRow.apply(i);
      out[i] = new double[j.length];
      for (int a = 0; a < j.length; a++) {
        for (int b = 0; b < v[i].length; b++) {
          out[i][a] += j[a][b] * v[i][b];
        }
      }
    }
    return out;
  }

  @Test
  void softmaxTangentIsTheJacobianDiagPMinusPPTransposeTimesTheTangent() {
    Node z = g.parameter("z", Tensor.matrix(Z));
    double[][] p = softmaxRows(Z);
    Tensor expected = Tensor.matrix(rowwise(V, i -> softmaxJacobian(p[i])));
    Close.assertClose("softmax J·v", tangentOf(z.softmax(1), z, g.constant("v",
        Tensor.matrix(V))), expected, TOL, TOL);
  }

  @Test
  void softmaxAlongTheFirstAxisUsesEachColumnsJacobian() {
    Node z = g.parameter("z", Tensor.matrix(Z).transpose(1, 0));
    double[][] p = softmaxRows(Z);
    Tensor expected = Tensor.matrix(rowwise(V, i -> softmaxJacobian(p[i]))).transpose(1, 0);
    Close.assertClose("softmax J·v along axis 0", tangentOf(z.softmax(0), z,
        g.constant("v", Tensor.matrix(V).transpose(1, 0))), expected, TOL, TOL);
  }

  @Test
  void logSoftmaxTangentIsTheTangentLessItsSoftmaxWeightedMean() {
    Node z = g.parameter("z", Tensor.matrix(Z));
    double[][] p = softmaxRows(Z);
    double[][] expected = new double[V.length][V[0].length];
    for (int i = 0; i < V.length; i++) {
      double weighted = 0;
      for (int j = 0; j < V[i].length; j++) {
        weighted += p[i][j] * V[i][j];
      }
      for (int j = 0; j < V[i].length; j++) {
        expected[i][j] = V[i][j] - weighted;
      }
    }
    Close.assertClose("log softmax (I − 1·pᵀ)·v", tangentOf(z.logSoftmax(-1), z,
        g.constant("v", Tensor.matrix(V))), Tensor.matrix(expected), TOL, TOL);
  }

  @Test
  void logSumExpTangentIsTheSoftmaxWeightedTangent() {
    Node z = g.parameter("z", Tensor.matrix(Z));
    double[][] p = softmaxRows(Z);
    double[] expected = new double[V.length];
    for (int i = 0; i < V.length; i++) {
      for (int j = 0; j < V[i].length; j++) {
        expected[i] += p[i][j] * V[i][j];
      }
    }
    Close.assertClose("d lse", tangentOf(z.logSumExp(1), z, g.constant("v", Tensor.matrix(V))),
        Tensor.of(expected, 2), TOL, TOL);
  }

  @Test
  void meanOverAnAxisAveragesTheTangentAlongIt() {
    double[] values = new double[24];
    double[] tangent = new double[24];
    for (int k = 0; k < 24; k++) {
      values[k] = Math.sin(k);
      tangent[k] = k % 5 - 2.5 + 0.125 * k;
    }
    Node x = g.parameter("x", Tensor.of(values, 2, 3, 4));
    Node v = g.constant("v", Tensor.of(tangent, 2, 3, 4));
    double[] expected = new double[8];
    for (int i = 0; i < 2; i++) {
      for (int k = 0; k < 4; k++) {
        for (int j = 0; j < 3; j++) {
          expected[i * 4 + k] += tangent[i * 12 + j * 4 + k] / 3;
        }
      }
    }
    Close.assertClose("d mean over axis 1", tangentOf(x.mean(1), x, v),
        Tensor.of(expected, 2, 4), TOL, TOL);
    Close.assertClose("d mean over axis 1, kept", tangentOf(x.meanKeepDims(1), x, v),
        Tensor.of(expected, 2, 1, 4), TOL, TOL);
  }

  @Test
  void aBroadcastInputsTangentIsSpreadOverTheOutput() {
    Node row = g.parameter("b", Tensor.row(1.0, 2.0, 3.0));
    Node y = g.parameter("Y", Tensor.matrix(new double[][] {{2, 4, 8}, {-1, 0.5, 3}}));
    Node t = g.constant("t", Tensor.row(0.5, -1.0, 4.0));
    Close.assertClose("d(b + Y) along b", tangentOf(row.add(y), row, t),
        Tensor.matrix(new double[][] {{0.5, -1, 4}, {0.5, -1, 4}}), TOL, TOL);
    Close.assertClose("d(Y − b) along b", tangentOf(y.sub(row), row, t),
        Tensor.matrix(new double[][] {{-0.5, 1, -4}, {-0.5, 1, -4}}), TOL, TOL);
    Close.assertClose("d(b ∘ Y) along b", tangentOf(row.mul(y), row, t),
        Tensor.matrix(new double[][] {{1, -4, 32}, {-0.5, -0.5, 12}}), TOL, TOL);
  }

  @Test
  void productAndQuotientRulesSumThePartsOfEveryMovingInput() {
    double[][] a = {{1.5, -2.0}, {0.5, 3.0}};
    double[][] b = {{2.0, 0.5}, {-4.0, 1.25}};
    double[][] ta = {{1.0, 0.25}, {-2.0, 0.5}};
    double[][] tb = {{-0.5, 2.0}, {1.0, -1.5}};
    Node x = g.parameter("x", Tensor.matrix(a));
    Node y = g.parameter("y", Tensor.matrix(b));
    Node f = x.mul(y).sub(x.div(y));
    Node unrelated = g.parameter("w", Tensor.ones(3)).square();
    List<Node> t = Autodiff.jvp(List.of(f, unrelated), List.of(x, y),
        List.of(g.constant("tx", Tensor.matrix(ta)), g.constant("ty", Tensor.matrix(tb))));
    double[][] expected = new double[2][2];
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        double q = b[i][j];
        expected[i][j] = ta[i][j] * q + a[i][j] * tb[i][j] - ta[i][j] / q
            + a[i][j] * tb[i][j] / (q * q);
      }
    }
    Results r = Plan.compile(t).run(Feeds.none());
    Close.assertClose("d(x ∘ y − x / y)", r.get(t.get(0)), Tensor.matrix(expected), TOL, TOL);
    Close.assertClose("an output no input reaches", r.get(t.get(1)), Tensor.zeros(3), 0, 0);
    assertEquals("∂" + unrelated.name(), t.get(1).name());
  }

  @Test
  void maxOverAnAxisAveragesTheTangentOverTiesAsItsGradientSplitsThem() {
    Node x = g.parameter("x", Tensor.matrix(new double[][] {{1, 3, 3}, {2, 0, -1}}));
    Node v = g.constant("v", Tensor.matrix(new double[][] {{10, 20, 40}, {5, 6, 7}}));
    Node m = x.max(1);
    Close.assertClose("d max", tangentOf(m, x, v), Tensor.of(new double[] {30, 5}, 2), 0, 0);
    Node u = g.constant("u", Tensor.of(new double[] {2, -3}, 2));
    Node gradient = Autodiff.grad(m.mul(u).sum(), x).get(0);
    Tensor vjp = Plan.compile(gradient).run(Feeds.none()).get(gradient);
    // ⟨Jᵀu, v⟩ = 2·(20 + 40)/2 − 3·5 = ⟨u, J·v⟩ = 2·30 − 3·5 = 45.
    assertEquals(45.0, vjp.mul(v.storedValue()).sum().item(), 0);
  }

  @Test
  void maximumAndMinimumSplitATieEvenly() {
    Node a = g.parameter("a", Tensor.of(new double[] {1, 2, 3}, 3));
    Node b = g.parameter("b", Tensor.of(new double[] {1, 0, 5}, 3));
    List<Node> moving = List.of(a, b);
    List<Node> t = List.of(g.constant("ta", Tensor.of(new double[] {2, 4, 8}, 3)),
        g.constant("tb", Tensor.of(new double[] {16, 32, 64}, 3)));
    List<Node> d = Autodiff.jvp(List.of(a.maximum(b), a.minimum(b)), moving, t);
    Results r = Plan.compile(d).run(Feeds.none());
    Close.assertClose("d max(a, b)", r.get(d.get(0)), Tensor.of(new double[] {9, 4, 64}, 3), 0, 0);
    Close.assertClose("d min(a, b)", r.get(d.get(1)), Tensor.of(new double[] {9, 32, 8}, 3), 0, 0);
  }

  @Test
  void softmaxCrossEntropysTangentStaysFiniteAtLogitsThatOverflowANaiveSoftmax() {
    Node z = g.parameter("z", Tensor.matrix(new double[][] {{1000, 0, -1000}}));
    Node y = g.parameter("y", Tensor.matrix(new double[][] {{0, 1, 0}}));
    Node tz = g.constant("tz", Tensor.matrix(new double[][] {{1, 2, 3}}));
    Node ty = g.constant("ty", Tensor.matrix(new double[][] {{0.5, 0.25, 0.25}}));
    Node loss = g.apply(new SoftmaxCrossEntropy(1), z, y);
    // softmax(z) = (1, 0, 0) and log softmax(z) = (0, −1000, −2000) to double precision, so
    // Σ((p·Σy − y) ∘ tz) = 1 − 2 = −1 and −Σ(log p ∘ ty) = 250 + 500 = 750.
    Node d = Autodiff.jvp(List.of(loss), List.of(z, y), List.of(tz, ty)).get(0);
    Close.assertClose("d CE", Plan.compile(d).run(Feeds.none()).get(d),
        Tensor.matrix(new double[][] {{749}}), TOL, TOL);
  }

  @Test
  void sigmoidCrossEntropysTangentStaysFiniteAtLogitsThatOverflowANaiveSigmoid() {
    Node z = g.parameter("z", Tensor.of(new double[] {800, -800, 0}, 3));
    Node y = g.parameter("y", Tensor.of(new double[] {0.25, 0.75, 0.5}, 3));
    Node tz = g.constant("tz", Tensor.of(new double[] {3, 5, 7}, 3));
    Node ty = g.constant("ty", Tensor.ones(3));
    // σ(z) − y = (0.75, −0.75, 0), so (σ(z) − y) ∘ tz − z ∘ ty = (2.25 − 800, −3.75 + 800, 0).
    Node loss = g.apply(SigmoidCrossEntropy.INSTANCE, z, y);
    Node d = Autodiff.jvp(List.of(loss), List.of(z, y), List.of(tz, ty)).get(0);
    Close.assertClose("d BCE", Plan.compile(d).run(Feeds.none()).get(d),
        Tensor.of(new double[] {-797.75, 796.25, 0}, 3), TOL, TOL);
  }

  @Test
  void forwardOverReverseGivesTheCrossEntropysHessianDiagPMinusPPTranspose() {
    Node z = g.parameter("z", Tensor.matrix(Z));
    Node y = g.constant("y", Tensor.matrix(new double[][] {{0, 0, 1, 0}, {1, 0, 0, 0}}));
    Node gradient = Autodiff.grad(g.apply(new SoftmaxCrossEntropy(1), z, y).sum(), z).get(0);
    double[][] p = softmaxRows(Z);
    Close.assertClose("H·v", tangentOf(gradient, z, g.constant("v", Tensor.matrix(V))),
        Tensor.matrix(rowwise(V, i -> softmaxJacobian(p[i]))), TOL, TOL);
  }

  @Test
  void theSoftmaxTangentPrintsAsTheTextbookFormula() {
    Node z = g.parameter("z", Tensor.matrix(Z));
    Node p = z.softmax(1).named("p");
    Node d = Autodiff.jvp(p, z, g.constant("t", Tensor.matrix(V)));
    assertEquals("∂p", d.name());
    assertEquals("p ∘ (t − Σ(p ∘ t))", FormulaPrinter.unicode().expression(d));
  }

  @Test
  void aTangentOfTheWrongShapeIsRefusedWithBothShapes() {
    Node x = g.parameter("x", Tensor.zeros(2, 3));
    Node t = g.constant("t", Tensor.zeros(3, 2));
    ShapeException e = assertThrows(ShapeException.class,
        () -> Autodiff.jvp(x.tanh(), x, t));
    assertTrue(e.getMessage().contains("tangent t has shape (3, 2) but x has shape (2, 3)"),
        e.getMessage());
    assertTrue(e.getMessage().contains("ForwardModeTest.java:"), e.getMessage());
  }

  @Test
  void aConstantCannotMove() {
    Node c = g.constant("c", Tensor.zeros(2));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Autodiff.jvp(c.exp(), c, g.constant("t", Tensor.ones(2))));
    assertTrue(e.getMessage().contains("cannot move c along a tangent: it is a constant"),
        e.getMessage());
    assertTrue(e.getMessage().contains("ForwardModeTest.java:"), e.getMessage());
  }

  @Test
  void nodesOfAnotherGraphAreRefused() {
    Node x = g.parameter("x", Tensor.zeros(2));
    Graph other = new Graph();
    Node foreign = other.constant("t", Tensor.ones(2));
    GraphMismatchException e = assertThrows(GraphMismatchException.class,
        () -> Autodiff.jvp(x.exp(), x, foreign));
    assertTrue(e.getMessage().contains("jvp tangent t belongs to another graph"), e.getMessage());
    Node elsewhere = other.parameter("w", Tensor.zeros(2));
    e = assertThrows(GraphMismatchException.class,
        () -> Autodiff.jvp(x.exp(), elsewhere, g.constant("u", Tensor.ones(2))));
    assertTrue(e.getMessage().contains("jvp input w belongs to another graph"), e.getMessage());
  }

  @Test
  void oneTangentPerInputAndAtLeastOneOutput() {
    Node x = g.parameter("x", Tensor.zeros(2));
    Node y = g.parameter("y", Tensor.zeros(2));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Autodiff.jvp(List.of(x.mul(y)), List.of(x, y), List.of(g.constant("t",
            Tensor.ones(2)))));
    assertTrue(e.getMessage().contains("jvp got 2 inputs but 1 tangents"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Autodiff.jvp(List.of(), List.of(x), List.of(g.constant("u", Tensor.ones(2)))));
    assertTrue(e.getMessage().contains("jvp needs at least one output"), e.getMessage());
  }
  /**
   * Forward mode builds only tangents that reach an output: the branch exp(x) that the output
   * does not use, and the comparison inside max's tangent, get none (the max's tangent is the
   * selection 1(x = max) applied to t; no tangent of the max itself is needed).
   */
  @Test
  void buildsNoTangentThatDoesNotReachAnOutput() {
    Graph g = new Graph();
    Node x = g.parameter("x", Tensor.matrix(new double[][] {{1, 4, 2}}));
    Node unused = x.exp().named("unused");
    Node y = x.max().named("y");
    Node t = g.constant("t", Tensor.matrix(new double[][] {{0.5, -2, 3}}));
    int before = g.size();
    Node ty = Autodiff.jvp(y, x, t);
    for (Node n : g.nodes().subList(before, g.size())) {
      assertTrue(!n.inputs().contains(unused), n.name() + " is built from the unused branch");
    }
    assertEquals(-2.0, Plan.compile(ty).run(Feeds.none()).get(ty).item(), TOL);
    assertTrue(g.size() - before <= 8, () -> "built " + (g.size() - before) + " nodes: "
        + g.nodes().subList(before, g.size()));
  }
}
