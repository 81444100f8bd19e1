package dev.chainrule.core.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.GraphMismatchException;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ShapeException;
import dev.chainrule.core.graph.ops.Stack;
import dev.chainrule.core.tensor.Samples;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.testing.Close;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Jacobians, Hessians and the matrix form of a linear node against results derived by hand and
 * computed in the test with plain loops: softmax's Jacobian diag(p) − p·pᵀ, the Hessian A + Aᵀ of
 * xᵀAx, the Hessian X·diag(a)·Xᵀ/m of the logistic loss; the passes each mode takes; and the
 * errors, in the user's words.
 */
class DerivativeMatricesTest {
  private static final double TOLERANCE = 1e-12;
  private final Random random = new Random(16);

  @Test
  void softmaxJacobianIsDiagPMinusPPTransposedInEveryMode() {
    double[] z = {0.3, -1.2, 2.0, 0.5};
    double[] p = new double[z.length];
    double total = 0;
    for (int i = 0; i < z.length; i++) {
      p[i] = Math.exp(z[i]);
      total += p[i];
    }
    double[][] expected = new double[z.length][z.length];
    for (int i = 0; i < z.length; i++) {
      p[i] /= total;
    }
    for (int i = 0; i < z.length; i++) {
      for (int j = 0; j < z.length; j++) {
        expected[i][j] = (i == j ? p[i] : 0) - p[i] * p[j];
      }
    }
    for (DerivativeMode mode : DerivativeMode.values()) {
      Graph g = new Graph();
      Node x = g.parameter("z", Tensor.of(z, 4));
      Node jacobian = Autodiff.jacobian(x.softmax(0), x, mode);
      Close.assertClose("softmax Jacobian, " + mode, jacobian.value(), Tensor.matrix(expected),
          TOLERANCE, TOLERANCE);
    }
  }

  @Test
  void hessianOfXTransposeAXIsAPlusATransposed() {
    Tensor a = Samples.uniform(random, -1, 1, 4, 4);
    double[][] m = a.toMatrix();
    double[][] expected = new double[4][4];
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        expected[i][j] = m[i][j] + m[j][i];
      }
    }
    Graph g = new Graph();
    Node x = g.parameter("x", Samples.uniform(random, -1, 1, 4, 1));
    Node f = x.T().matmul(g.constant("A", a)).matmul(x);
    Node h = Autodiff.hessian(f, x);
    assertEquals(Shape.of(4, 1, 4, 1), h.shape());
    Close.assertClose("H of xᵀAx", h.value().reshape(4, 4), Tensor.matrix(expected), TOLERANCE,
        TOLERANCE);
    Node v = g.input("v", 4, 1);
    Node matrix = Autodiff.matrixOf(Autodiff.hvp(f, x, v), v);
    assertNotNull(matrix, "H·v is linear in v, so its matrix is extracted");
    Close.assertClose("the matrix of H·v", matrix.value(), Tensor.matrix(expected), TOLERANCE,
        TOLERANCE);
  }

  @Test
  void theMatrixOfALinearNodeIsItsTextbookForm() {
    int n = 3;
    int m = 5;
    Tensor xs = Samples.uniform(random, -2, 2, n, m);
    Tensor as = Samples.uniform(random, 0.1, 0.3, 1, m);
    double[][] x = xs.toMatrix();
    double[] a = as.toArray();
    double[][] expected = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        for (int k = 0; k < m; k++) {
          expected[i][j] += x[i][k] * a[k] * x[j][k] / m;
        }
      }
    }
    Graph g = new Graph();
    Node bigX = g.input("X", xs);
    Node v = g.input("v", 1, n);
    Node hv = v.matmul(bigX).mul(g.constant("a", as)).div(m).matmul(false, bigX, true);
    Node matrix = Autodiff.matrixOf(hv, v);
    Close.assertClose("X·diag(a)·Xᵀ/m", matrix.value(), Tensor.matrix(expected), TOLERANCE,
        TOLERANCE);
  }

  @Test
  void aMatrixBuiltBeforeTheDirectionIsItsOwnForm() {
    Graph g = new Graph();
    Node m = g.parameter("M", Samples.uniform(random, -1, 1, 3, 3)).tanh();
    Node v = g.input("v", 3, 1);
    assertEquals(m, Autodiff.matrixOf(m.matmul(v), v), "M·v has the matrix M, built before v");
  }

  @Test
  void aNodeNotLinearInTheDirectionHasNoMatrix() {
    Graph g = new Graph();
    Node v = g.input("v", 3, 1);
    assertNull(Autodiff.matrixOf(v.mul(v), v), "v ∘ v is not linear in v");
    Node square = g.constant("S", Tensor.ones(3, 3));
    assertNull(Autodiff.matrixOf(v.matmul(false, v, true).mul(square).sum(), v));
  }

  @Test
  void autoTakesTheFewerPasses() {
    Graph g = new Graph();
    Node wide = g.parameter("W", Tensor.ones(2, 5));
    Node out = wide.matmul(g.constant("c", Tensor.ones(5, 3))).tanh();
    assertEquals(6, passes(Autodiff.jacobian(out, wide, DerivativeMode.AUTO)),
        "6 output elements against 10 inputs: reverse, 6 rows");
    assertEquals(10, passes(Autodiff.jacobian(out, wide, DerivativeMode.FORWARD)));
    Node column = g.parameter("x", Tensor.ones(2, 1));
    Node tall = g.constant("B", Tensor.ones(7, 2)).matmul(column).sigmoid();
    assertEquals(2, passes(Autodiff.jacobian(tall, column, DerivativeMode.AUTO)),
        "7 output elements against 2 inputs: forward, 2 columns");
    assertEquals(7, passes(Autodiff.jacobian(tall, column, DerivativeMode.REVERSE)));
  }

  /** Returns how many passes a Jacobian stacked: the inputs of its stack node. */
  private static int passes(Node jacobian) {
    Node stack = jacobian.inputs().get(0);
    assertTrue(stack.op() instanceof Stack, stack.toString());
    return stack.inputs().size();
  }

  @Test
  void hessianOfANonScalarSaysSo() {
    Graph g = new Graph();
    Node w = g.parameter("W", Tensor.ones(2, 3));
    Node z = w.tanh().named("Z");
    ShapeException e = assertThrows(ShapeException.class, () -> Autodiff.hessian(z, w));
    assertTrue(e.getMessage().startsWith("hessian of Z (2, 3): the output is not a scalar"),
        e.getMessage());
    assertTrue(e.getMessage().contains("DerivativeMatricesTest.java"), e.getMessage());
  }

  @Test
  void aTargetOfAnotherGraphIsRefused() {
    Graph g = new Graph();
    Node loss = g.parameter("x", Tensor.ones(3)).square().sum().named("L");
    Node other = new Graph().parameter("W", Tensor.ones(3));
    GraphMismatchException e = assertThrows(GraphMismatchException.class,
        () -> Autodiff.jacobian(loss, other));
    assertTrue(e.getMessage().startsWith("cannot take the jacobian of L with respect to W: it "
        + "belongs to another graph"), e.getMessage());
    assertThrows(GraphMismatchException.class, () -> Autodiff.hessian(loss, other));
  }

  @Test
  void aHugeJacobianIsRefusedWithItsSize() {
    Graph g = new Graph();
    Node w = g.parameter("W", Tensor.zeros(784, 100));
    Node z = w.T().matmul(g.input("X", 784, 1000)).named("Z");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Autodiff.jacobian(z, w));
    assertTrue(e.getMessage().startsWith("the derivative of Z (100, 1000) with respect to W "
        + "(784, 100) would have 100000 × 78400 = 7,840,000,000 elements (58.4 GB of float64)"),
        e.getMessage());
    assertTrue(e.getMessage().contains("Autodiff.jvp gives J·v"), e.getMessage());
  }
}
