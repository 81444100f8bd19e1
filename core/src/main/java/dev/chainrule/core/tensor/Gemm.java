package dev.chainrule.core.tensor;

/**
 * General matrix multiply on row-major arrays, as BLAS defines it:
 * {@code C = alpha · op(A) · op(B) + beta · C}, where {@code op(X)} is X or its transpose. The
 * transposed operands are read in place, never copied.
 */
public final class Gemm {
  private Gemm() {}

  /**
   * Computes {@code C = alpha · op(A) · op(B) + beta · C} for an (m, k) by (k, n) product.
   *
   * @param transA whether A is stored as (k, m) and read transposed
   * @param transB whether B is stored as (n, k) and read transposed
   * @param lda the row stride of A as stored; likewise {@code ldb} and {@code ldc}
   * @param c the output, modified in place; when {@code beta} is 0 its old contents are ignored
   */
  public static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
      double[] a, int aOff, int lda, double[] b, int bOff, int ldb, double beta,
      double[] c, int cOff, int ldc) {
    for (int i = 0; i < m; i++) {
      int row = cOff + i * ldc;
      if (beta == 0) {
        java.util.Arrays.fill(c, row, row + n, 0.0);
      } else if (beta != 1) {
        for (int j = 0; j < n; j++) {
          c[row + j] *= beta;
        }
      }
    }
    if (!transB) {
      for (int i = 0; i < m; i++) {
        int row = cOff + i * ldc;
        for (int p = 0; p < k; p++) {
          double aip = alpha * (transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p]);
          if (aip == 0) {
            continue;
          }
          int brow = bOff + p * ldb;
          for (int j = 0; j < n; j++) {
            c[row + j] += aip * b[brow + j];
          }
        }
      }
    } else {
      for (int i = 0; i < m; i++) {
        int row = cOff + i * ldc;
        for (int j = 0; j < n; j++) {
          int brow = bOff + j * ldb;
          double s = 0;
          if (transA) {
            for (int p = 0; p < k; p++) {
              s += a[aOff + p * lda + i] * b[brow + p];
            }
          } else {
            int arow = aOff + i * lda;
            for (int p = 0; p < k; p++) {
              s += a[arow + p] * b[brow + p];
            }
          }
          c[row + j] += alpha * s;
        }
      }
    }
  }
}
