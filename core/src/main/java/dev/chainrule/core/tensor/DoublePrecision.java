package dev.chainrule.core.tensor;

import java.util.Arrays;

/**
 * The element loops of a GEMM on {@code double[]} operands: scaling C, the small-product loops,
 * the native {@code dgemm}, and {@link DoubleTiles} for the blocked kernel.
 */
enum DoublePrecision implements GemmPrecision<double[]> {
  /** The one instance. */
  INSTANCE;

  @Override
  public int lanes() {
    return 8;
  }

  @Override
  public void scale(int m, int n, double beta, double[] c, int cOff, int ldc) {
    if (beta == 1.0) {
      return;
    }
    for (int i = 0; i < m; i++) {
      int row = cOff + i * ldc;
      if (beta == 0.0) {
        Arrays.fill(c, row, row + n, 0.0);
      } else {
        for (int j = 0; j < n; j++) {
          c[row + j] *= beta;
        }
      }
    }
  }

  @Override
  public void small(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a,
      int aOff, int lda, double[] b, int bOff, int ldb, double beta, double[] c, int cOff,
      int ldc) {
    scale(m, n, beta, c, cOff, ldc);
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

  @Override
  public void blas(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a,
      int aOff, int lda, double[] b, int bOff, int ldb, double beta, double[] c, int cOff,
      int ldc) {
    NativeGemm.dgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff,
        ldc);
  }

  @Override
  public GemmTiles<double[]> tiles() {
    return DoubleTiles.get();
  }
}
