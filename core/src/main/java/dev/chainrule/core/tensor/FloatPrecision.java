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
  public void small(GemmCall<float[]> g) {
    int m = g.m();
    int n = g.n();
    int k = g.k();
    float[] a = g.a();
    float[] b = g.b();
    float[] c = g.c();
    float alpha = (float) g.alpha();
    scale(m, n, g.beta(), c, g.cOff(), g.ldc());
    int rs = g.rowStrideA();
    int cs = g.columnStrideA();
    if (!g.transB()) {
      for (int i = 0; i < m; i++) {
        int row = g.cOff() + i * g.ldc();
        for (int p = 0; p < k; p++) {
          float aip = alpha * a[g.aOff() + i * rs + p * cs];
          int brow = g.bOff() + p * g.ldb();
          for (int j = 0; j < n; j++) {
            c[row + j] = Math.fma(aip, b[brow + j], c[row + j]);
          }
        }
      }
      return;
    }
    for (int i = 0; i < m; i++) {
      int row = g.cOff() + i * g.ldc();
      int arow = g.aOff() + i * rs;
      for (int j = 0; j < n; j++) {
        int brow = g.bOff() + j * g.ldb();
        float s = 0;
        for (int p = 0; p < k; p++) {
          s = Math.fma(a[arow + p * cs], b[brow + p], s);
        }
        c[row + j] = Math.fma(alpha, s, c[row + j]);
      }
    }
  }

  @Override
  public void blas(GemmCall<float[]> g) {
    NativeGemm.sgemm(g);
  }

  @Override
  public GemmTiles<float[]> tiles() {
    return FloatTiles.get();
  }
}
