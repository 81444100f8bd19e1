package dev.chainrule.core.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.testing.Close;
import org.junit.jupiter.api.Test;

/**
 * Jacobians and Hessians of a float32 graph are float32 nodes in that graph, in every mode, and
 * their values are the hand-derived matrices computed in double from the same float32 inputs, to
 * float32 accuracy: softmax's diag(p) − p·pᵀ and the Hessian diag(6·x) + 2·1·1ᵀ of Σx³ + (Σx)².
 * Tolerance 1e-6 relative to the largest element: each element is a handful of correctly rounded
 * float32 operations (u = 2⁻²⁴ ≈ 6e-8 each) on values of order one.
 */
class Float32DerivativeMatricesTest {
  private static final double TOLERANCE = 1e-6;
  private static final float[] Z = {0.3f, -1.2f, 2.0f, 0.5f};

  @Test
  void softmaxJacobianInFloat32InEveryMode() {
    double[] p = new double[Z.length];
    double total = 0;
    for (int i = 0; i < Z.length; i++) {
      p[i] = Math.exp(Z[i]);
      total += p[i];
    }
    for (int i = 0; i < Z.length; i++) {
      p[i] /= total;
    }
    double[][] expected = new double[Z.length][Z.length];
    for (int i = 0; i < Z.length; i++) {
      for (int j = 0; j < Z.length; j++) {
        expected[i][j] = (i == j ? p[i] : 0) - p[i] * p[j];
      }
    }
    for (DerivativeMode mode : DerivativeMode.values()) {
      Graph g = new Graph(DType.FLOAT32);
      Node z = g.parameter("z", Tensor.ofFloats(Z, 4));
      Node jacobian = Autodiff.jacobian(z.softmax(0), z, mode);
      assertEquals(DType.FLOAT32, jacobian.dtype());
      Tensor value = jacobian.value();
      assertEquals(DType.FLOAT32, value.dtype());
      Close.assertClose("softmax Jacobian in float32, " + mode, value.to(DType.FLOAT64),
          Tensor.matrix(expected), TOLERANCE, TOLERANCE);
    }
  }

  @Test
  void hessianOfACubicInFloat32() {
    Graph g = new Graph(DType.FLOAT32);
    Node x = g.parameter("x", Tensor.ofFloats(Z, 4));
    Node f = x.pow(3).sum().add(x.sum().square());
    Node h = Autodiff.hessian(f, x);
    assertEquals(Shape.of(4, 4), h.shape());
    double[][] expected = new double[4][4];
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        expected[i][j] = (i == j ? 6 * (double) Z[i] : 0) + 2;
      }
    }
    Close.assertClose("Hessian of Σx³ + (Σx)² in float32", h.value().to(DType.FLOAT64),
        Tensor.matrix(expected), TOLERANCE, TOLERANCE * 12);
  }
}
