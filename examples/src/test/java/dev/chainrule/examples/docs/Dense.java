package dev.chainrule.examples.docs;

import java.util.function.DoubleUnaryOperator;

/**
 * Plain-loop matrix arithmetic on {@code double[][]}, written in the test so that the closed forms
 * of the matrix-cookbook table are computed without chainrule's graphs, rewriter or kernels.
 */
final class Dense {
  private Dense() {}

  /** Returns a·b. */
  static double[][] mul(double[][] a, double[][] b) {
    double[][] c = new double[a.length][b[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b[0].length; j++) {
        double s = 0;
        for (int k = 0; k < b.length; k++) {
          s += a[i][k] * b[k][j];
        }
        c[i][j] = s;
      }
    }
    return c;
  }

  /** Returns aᵀ. */
  static double[][] t(double[][] a) {
    double[][] c = new double[a[0].length][a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        c[j][i] = a[i][j];
      }
    }
    return c;
  }

  /** Returns a + b. */
  static double[][] add(double[][] a, double[][] b) {
    return combine(a, b, 1);
  }

  /** Returns a − b. */
  static double[][] sub(double[][] a, double[][] b) {
    return combine(a, b, -1);
  }

  private static double[][] combine(double[][] a, double[][] b, double sign) {
    double[][] c = new double[a.length][a[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        c[i][j] = a[i][j] + sign * b[i][j];
      }
    }
    return c;
  }

  /** Returns s·a. */
  static double[][] scale(double s, double[][] a) {
    return map(a, v -> s * v);
  }

  /** Returns f applied to every element of a. */
  static double[][] map(double[][] a, DoubleUnaryOperator f) {
    double[][] c = new double[a.length][a[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        c[i][j] = f.applyAsDouble(a[i][j]);
      }
    }
    return c;
  }

  /** Returns the logistic sigmoid of every element. */
  static double[][] sigmoid(double[][] a) {
    return map(a, v -> 1 / (1 + Math.exp(-v)));
  }

  /** Returns e^a / Σ e^a over all elements of a (a column or a row). */
  static double[][] softmax(double[][] a) {
    double max = Double.NEGATIVE_INFINITY;
    for (double[] row : a) {
      for (double v : row) {
        max = Math.max(max, v);
      }
    }
    double shift = max;
    double[][] e = map(a, v -> Math.exp(v - shift));
    double total = 0;
    for (double[] row : e) {
      for (double v : row) {
        total += v;
      }
    }
    double sum = total;
    return map(e, v -> v / sum);
  }

  /** Returns the n × n identity. */
  static double[][] identity(int n) {
    double[][] c = new double[n][n];
    for (int i = 0; i < n; i++) {
      c[i][i] = 1;
    }
    return c;
  }

  /** Returns the diagonal matrix of the elements of a (a column or a row), in row-major order. */
  static double[][] diag(double[][] a) {
    int n = a.length * a[0].length;
    double[][] c = new double[n][n];
    for (int k = 0; k < n; k++) {
      c[k][k] = a[k / a[0].length][k % a[0].length];
    }
    return c;
  }

  /** Returns a ∘ (1 − a), the derivative of the sigmoid whose values are a. */
  static double[][] sigmoidSlope(double[][] a) {
    return map(a, v -> v * (1 - v));
  }
}
