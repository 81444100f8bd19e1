package dev.chainrule.core.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.export.GraphExport;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.print.FormulaPrinter;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.testing.Close;
import org.junit.jupiter.api.Test;

/**
 * Hessians simplified into their textbook form by {@link Rewriter#hessian}, each printed and
 * checked against values computed in the test with plain loops: the logistic loss's
 * (1/m)·X·diag(A ∘ (1 − A))·Xᵀ (and its bias's (1/m)·Σ(A ∘ (1 − A))), xᵀAx's A + Aᵀ, ½‖x‖²'s I,
 * log-sum-exp's diag(p) − p·pᵀ; and a Hessian whose extraction does not apply, which falls back to
 * the column-stacked one. The textbook Hessian is a graph like any other, and draws.
 */
class HessianFormTest {
  private static final double TOLERANCE = 1e-12;
  private static final double[][] X = {{0.5, -1.2, 0.3, 2.0}, {2.0, 0.1, -0.7, 0.6}};
  private static final double[] Y = {1, 0, 1, 1};
  private static final double[] W = {0.1, -0.2};
  private static final double B = 0.3;

  private final Graph g = new Graph();
  private final FormulaPrinter printer = FormulaPrinter.unicode().withSymbol("m", 4);

  private static Tensor valueOf(Rewritten r, Feeds feeds) {
    Node h = r.targets().get(0);
    Plan plan = Plan.compile(h);
    return plan.run(r.feeds(feeds).usedBy(plan)).get(h).copy();
  }

  /** Returns σ(W·X + b) for each sample, computed with loops. */
  private static double[] sigmoids() {
    double[] a = new double[4];
    for (int k = 0; k < 4; k++) {
      a[k] = 1 / (1 + Math.exp(-(W[0] * X[0][k] + W[1] * X[1][k] + B)));
    }
    return a;
  }

  @Test
  void theLogisticLossHessianPrintsAsInTheTextbooks() {
    Node x = g.input("X", Tensor.matrix(X));
    Node y = g.input("Y", Tensor.of(Y, 1, 4));
    Node w = g.parameter("W", Tensor.row(W));
    Node b = g.parameter("b", Tensor.of(new double[] {B}, 1, 1));
    Node a = w.matmul(x).add(b).named("Z").sigmoid().named("A");
    Node j = y.mul(a.log()).add(y.rsub(1).mul(a.rsub(1).log())).mean().neg().named("J");
    Rewritten hw = Rewriter.standard().hessian(j, w);
    Rewritten hb = Rewriter.standard().hessian(j, b);
    assertEquals("(1/m)·X·diag(A ∘ (1 − A))·Xᵀ", printer.expression(hw.targets().get(0)));
    assertEquals("(1/m)·Σ(A ∘ (1 − A))", printer.expression(hb.targets().get(0)));
    double[] s = sigmoids();
    double[][] expected = new double[2][2];
    double bias = 0;
    for (int k = 0; k < 4; k++) {
      double d = s[k] * (1 - s[k]) / 4;
      bias += d;
      for (int p = 0; p < 2; p++) {
        for (int q = 0; q < 2; q++) {
          expected[p][q] += X[p][k] * d * X[q][k];
        }
      }
    }
    Close.assertClose("H_W", valueOf(hw, Feeds.none()), Tensor.matrix(expected), TOLERANCE,
        TOLERANCE);
    Close.assertClose("H_b", valueOf(hb, Feeds.none()), Tensor.of(new double[] {bias}, 1, 1),
        TOLERANCE, TOLERANCE);
    Close.assertClose("the stacked H_W", Autodiff.hessian(j, w).value().reshape(2, 2),
        Tensor.matrix(expected), TOLERANCE, TOLERANCE);
    String dot = GraphExport.of(hw.targets()).toDot();
    assertTrue(dot.contains("<b>diag</b>") && dot.contains("<b>X</b>"), dot);
  }

  @Test
  void xTransposeAxHasHessianAPlusATransposed() {
    double[][] m = {{1, 2, 3}, {4, 5, 6}, {7, 8, 10}};
    Node x = g.parameter("x", Tensor.column(1, -2, 0.5));
    Node f = x.T().matmul(g.input("A", Tensor.matrix(m))).matmul(x);
    Rewritten h = Rewriter.standard().hessian(f, x);
    assertEquals("A + Aᵀ", printer.expression(h.targets().get(0)));
    double[][] expected = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int k = 0; k < 3; k++) {
        expected[i][k] = m[i][k] + m[k][i];
      }
    }
    Close.assertClose("A + Aᵀ", valueOf(h, Feeds.none()), Tensor.matrix(expected), TOLERANCE,
        TOLERANCE);
  }

  @Test
  void halfTheSquaredNormHasTheIdentityAsHessian() {
    Node x = g.parameter("x", Tensor.column(1, -2, 0.5));
    Rewritten h = Rewriter.standard().hessian(x.square().sum().div(2), x);
    assertEquals("I", printer.expression(h.targets().get(0)));
    Close.assertClose("I", valueOf(h, Feeds.none()), Tensor.matrix(new double[] {1, 0, 0},
        new double[] {0, 1, 0}, new double[] {0, 0, 1}), TOLERANCE, TOLERANCE);
  }

  @Test
  void logSumExpHasHessianDiagPMinusPPTransposed() {
    double[] z = {0.3, -1.0, 1.5};
    Node x = g.parameter("z", Tensor.column(z));
    Rewritten h = Rewriter.standard().hessian(x.logSumExp(), x);
    assertEquals("diag(softmax(z)) − softmax(z)·softmax(z)ᵀ",
        printer.expression(h.targets().get(0)));
    Close.assertClose("diag(p) − p·pᵀ", valueOf(h, Feeds.none()), softmaxHessian(z),
        TOLERANCE, TOLERANCE);
  }

  @Test
  void logSumExpOfARowHasHessianDiagPMinusPTransposedP() {
    double[] z = {0.3, -1.0, 1.5};
    Node x = g.parameter("z", Tensor.row(z));
    Rewritten h = Rewriter.standard().hessian(x.logSumExp(), x);
    assertEquals("diag(softmax(z)) − softmax(z)ᵀ·softmax(z)",
        printer.expression(h.targets().get(0)), "a row p: the outer product is pᵀ·p");
    Close.assertClose("diag(p) − pᵀ·p", valueOf(h, Feeds.none()), softmaxHessian(z),
        TOLERANCE, TOLERANCE);
  }

  /** Returns diag(p) − p·pᵀ for p = softmax(z), written from its definition element by element. */
  private static Tensor softmaxHessian(double[] z) {
    double total = 0;
    for (double v : z) {
      total += Math.exp(v);
    }
    double[][] expected = new double[z.length][z.length];
    for (int i = 0; i < z.length; i++) {
      for (int k = 0; k < z.length; k++) {
        double pi = Math.exp(z[i]) / total;
        expected[i][k] = (i == k ? pi : 0) - pi * Math.exp(z[k]) / total;
      }
    }
    return Tensor.matrix(expected);
  }

  @Test
  void withoutAMatrixFormTheStackedHessianIsSimplified() {
    Node w = g.parameter("W", Tensor.matrix(new double[] {0.3, -0.5, 0.2},
        new double[] {0.1, 0.4, -0.6}));
    Node f = w.matmul(false, w, true).square().sum();
    Rewritten h = Rewriter.standard().hessian(f, w);
    Close.assertClose("H of Σ(W·Wᵀ)²", valueOf(h, Feeds.none()),
        Autodiff.hessian(f, w).value().reshape(6, 6), TOLERANCE, TOLERANCE);
  }
}
