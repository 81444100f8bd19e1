package dev.chainrule.core.tensor;

import java.util.Arrays;

/**
 * The element loops of a GEMM on {@code float[]} operands: scaling C, the small-product loops,
 * the native {@code sgemm}, and {@link FloatTiles} for the blocked kernel. Every product and sum
 * is rounded to float, as in {@code sgemm}.
 */
enum FloatPrecision implements GemmPrecision<float[]> {
  /** The one instance. */
  INSTANCE;

  @Override
  public int lanes() {
    return 16;
  }

  @Override
  public void scale(int m, int n, double betaAsDouble, float[] c, int cOff, int ldc) {
    float beta = (float) betaAsDouble;
    if (beta == 1.0f) {
      return;
    }
    for (int i = 0; i < m; i++) {
      int row = cOff + i * ldc;
      if (beta == 0.0f) {
        Arrays.fill(c, row, row + n, 0.0f);
      } else {
        for (int j = 0; j < n; j++) {
          c[row + j] *= beta;
        }
      }
    }
  }

  @Override
  public void small(boolean transA, boolean transB, int m, int n, int k, double alphaAsDouble,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb, double beta, float[] c,
      int cOff, int ldc) {
    float alpha = (float) alphaAsDouble;
    scale(m, n, beta, c, cOff, ldc);
    int rs = transA ? 1 : lda;
    int cs = transA ? lda : 1;
    if (!transB) {
      for (int i = 0; i < m; i++) {
        int row = cOff + i * ldc;
        for (int p = 0; p < k; p++) {
          float aip = alpha * a[aOff + i * rs + p * cs];
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
        float s = 0;
        for (int p = 0; p < k; p++) {
          s = Math.fma(a[arow + p * cs], b[brow + p], s);
        }
        c[row + j] = Math.fma(alpha, s, c[row + j]);
      }
    }
  }

  @Override
  public void blas(boolean transA, boolean transB, int m, int n, int k, double alpha, float[] a,
      int aOff, int lda, float[] b, int bOff, int ldb, double beta, float[] c, int cOff,
      int ldc) {
    NativeGemm.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff,
        ldc);
  }

  @Override
  public GemmTiles<float[]> tiles() {
    return FloatTiles.get();
  }
}
