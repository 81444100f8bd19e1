package dev.chainrule.examples.docs;

import dev.chainrule.core.graph.Node;
import dev.chainrule.examples.docs.CookbookRow.Inputs;
import dev.chainrule.examples.docs.CookbookRow.Matrix;
import java.util.function.UnaryOperator;

/**
 * The functions that both tables of docs/matrix-calculus.md differentiate, the gradient table
 * ({@link CookbookRows}) once and the Hessian table ({@link CookbookHessians}) twice, built here
 * once on random inputs.
 */
final class CookbookFunctions {
  private CookbookFunctions() {}

  /**
   * xᵀAx of a 3 × 1 parameter x, A built from a 3 × 3 input M (A = M, BᵀB or S + Sᵀ).
   *
   * @param m the input A is built from
   * @param x the parameter
   * @param f xᵀAx
   */
  record Quadratic(Matrix m, Matrix x, Node f) {}

  /** Returns xᵀAx with A = {@code form}(M) for a random input named {@code name}. */
  static Quadratic quadratic(Inputs in, String name, UnaryOperator<Node> form) {
    Matrix m = in.input(name, 3, 3);
    Matrix x = in.parameter("x", 3, 1);
    Node f = x.node().T().matmul(form.apply(m.node())).matmul(x.node()).sum();
    return new Quadratic(m, x, f);
  }

  /**
   * The residual Xw − y of a least-squares fit: five samples, one per row of X, three weights.
   *
   * @param x the 5 × 3 design matrix
   * @param y the 5 × 1 targets
   * @param w the 3 × 1 weights, the parameter
   * @param squares ‖Xw − y‖₂², the sum of the squared residuals
   */
  record LeastSquares(Matrix x, Matrix y, Matrix w, Node squares) {}

  /** Returns a least-squares fit on random inputs. */
  static LeastSquares leastSquares(Inputs in) {
    Matrix x = in.input("X", 5, 3);
    Matrix y = in.input("y", 5, 1);
    Matrix w = in.parameter("w", 3, 1);
    return new LeastSquares(x, y, w, x.node().matmul(w.node()).sub(y.node()).square().sum());
  }

  /**
   * The Cookbook's weighted least squares (x − As)ᵀW(x − As), by the 2 × 1 parameter s.
   *
   * @param x the 3 × 1 observation
   * @param w the 3 × 3 weights, any matrix
   * @param a the 3 × 2 mixing matrix
   * @param s the 2 × 1 parameter
   * @param f (x − As)ᵀW(x − As)
   */
  record WeightedLeastSquares(Matrix x, Matrix w, Matrix a, Matrix s, Node f) {}

  /** Returns the weighted least squares of random inputs. */
  static WeightedLeastSquares weightedLeastSquares(Inputs in) {
    Matrix x = in.input("x", 3, 1);
    Matrix w = in.input("W", 3, 3);
    Matrix a = in.input("A", 3, 2);
    Matrix s = in.parameter("s", 2, 1);
    Node r = x.node().sub(a.node().matmul(s.node()));
    return new WeightedLeastSquares(x, w, a, s, r.T().matmul(w.node()).matmul(r).sum());
  }
}
