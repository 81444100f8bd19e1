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
  public void small(GemmCall<double[]> g) {
    int m = g.m();
    int n = g.n();
    int k = g.k();
    double[] a = g.a();
    double[] b = g.b();
    double[] c = g.c();
    scale(m, n, g.beta(), c, g.cOff(), g.ldc());
    int rs = g.rowStrideA();
    int cs = g.columnStrideA();
    if (!g.transB()) {
      for (int i = 0; i < m; i++) {
        int row = g.cOff() + i * g.ldc();
        for (int p = 0; p < k; p++) {
          double aip = g.alpha() * a[g.aOff() + i * rs + p * cs];
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
        double s = 0;
        for (int p = 0; p < k; p++) {
          s = Math.fma(a[arow + p * cs], b[brow + p], s);
        }
        c[row + j] = Math.fma(g.alpha(), s, c[row + j]);
      }
    }
  }

  @Override
  public void blas(GemmCall<double[]> g) {
    NativeGemm.dgemm(g);
  }

  @Override
  public GemmTiles<double[]> tiles() {
    return DoubleTiles.get();
  }
}
