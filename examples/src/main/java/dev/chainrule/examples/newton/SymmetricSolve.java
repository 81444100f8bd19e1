package dev.chainrule.examples.newton;

/**
 * Solves H·d = g for a symmetric positive definite H by its Cholesky factorisation H = L·Lᵀ: the
 * linear system of one Newton step, a few unknowns.
 */
final class SymmetricSolve {
  private SymmetricSolve() {}

  /**
   * Returns d with H·d = g, H given by rows; throws when H is not positive definite (the loss is
   * not convex there), naming the pivot.
   */
  static double[] solve(double[][] h, double[] g) {
    int n = g.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = h[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (!(s > 0)) {
            throw new IllegalStateException("the Hessian is not positive definite (pivot " + i
                + " is " + s + "), so the Newton step is undefined");
          }
          l[i][i] = Math.sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      double s = g[i];
      for (int k = 0; k < i; k++) {
        s -= l[i][k] * z[k];
      }
      z[i] = s / l[i][i];
    }
    double[] d = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = z[i];
      for (int k = i + 1; k < n; k++) {
        s -= l[k][i] * d[k];
      }
      d[i] = s / l[i][i];
    }
    return d;
  }
}
