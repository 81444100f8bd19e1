package dev.chainrule.core.tensor;

/**
 * The GEMM for small products: plain loops over the operands in place, with no packing or tiling,
 * so that a 2×2 or 64×10 product costs little more than its arithmetic.
 */
final class SmallGemm {
  private SmallGemm() {}

  /** Computes {@code C = alpha · op(A) · op(B) + beta · C} on validated arguments. */
  static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
      double[] a, int aOff, int lda, double[] b, int bOff, int ldb, double beta,
      double[] c, int cOff, int ldc) {
    Gemm.scale(m, n, beta, c, cOff, ldc);
    int rs = transA ? 1 : lda;
    int cs = transA ? lda : 1;
    if (!transB) {
      for (int i = 0; i < m; i++) {
        int row = cOff + i * ldc;
        for (int p = 0; p < k; p++) {
          double aip = alpha * a[aOff + i * rs + p * cs];
          int brow = bOff + p * ldb;
          for (int j = 0; j < n; j++) {
            c[row + j] = Math.fma(aip, b[brow + j], c[row + j]);
          }
        }
      }
      return;
    }
    for (int i = 0; i < m; i++) {
      int row = cOff + i * ldc;
      int arow = aOff + i * rs;
      for (int j = 0; j < n; j++) {
        int brow = bOff + j * ldb;
        double s = 0;
        for (int p = 0; p < k; p++) {
          s = Math.fma(a[arow + p * cs], b[brow + p], s);
        }
        c[row + j] = Math.fma(alpha, s, c[row + j]);
      }
    }
  }
}
