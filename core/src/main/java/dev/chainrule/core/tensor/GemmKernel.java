package dev.chainrule.core.tensor;

/**
 * The register-tiled inner kernels of the blocked GEMM: they add {@code alpha · A-block · B-panel}
 * into rows of a C tile. Every array is indexed by the bare loop counter {@code j}: JDK 17's C2
 * auto-vectorises such a loop, but not one whose arrays carry different invariant offsets, which is
 * why B is packed into one array per row and C is staged in one array per row.
 *
 * <p>Each C element gets the same sequence of operations whichever kernel computes it (pairs of
 * {@code p} folded as {@code fma(a1, b1, fma(a0, b0, t))}, then a single trailing {@code p}), so
 * results do not depend on how rows are grouped or split across threads.
 */
final class GemmKernel {
  /** Rows of C computed together by {@link #rows4}. */
  static final int MR = 4;

  private GemmKernel() {}

  /**
   * Adds {@code alpha · A[i, p] · bp[p][j]} into tile rows {@code t0..t3}, for the four rows of A
   * starting at {@code a[ai]}, {@code p < kw} and {@code j < nw}.
   *
   * @param rs the distance in {@code a} between consecutive rows of op(A)
   * @param cs the distance in {@code a} between consecutive columns of op(A)
   */
  static void rows4(int nw, int kw, double alpha, double[] a, int ai, int rs, int cs,
      double[][] bp, double[] t0, double[] t1, double[] t2, double[] t3) {
    int p = 0;
    for (; p + 2 <= kw; p += 2) {
      double[] b0 = bp[p];
      double[] b1 = bp[p + 1];
      int x = ai + p * cs;
      int y = x + cs;
      double a00 = alpha * a[x];
      double a01 = alpha * a[y];
      double a10 = alpha * a[x + rs];
      double a11 = alpha * a[y + rs];
      double a20 = alpha * a[x + 2 * rs];
      double a21 = alpha * a[y + 2 * rs];
      double a30 = alpha * a[x + 3 * rs];
      double a31 = alpha * a[y + 3 * rs];
      for (int j = 0; j < nw; j++) {
        double v0 = b0[j];
        double v1 = b1[j];
        t0[j] = Math.fma(a01, v1, Math.fma(a00, v0, t0[j]));
        t1[j] = Math.fma(a11, v1, Math.fma(a10, v0, t1[j]));
        t2[j] = Math.fma(a21, v1, Math.fma(a20, v0, t2[j]));
        t3[j] = Math.fma(a31, v1, Math.fma(a30, v0, t3[j]));
      }
    }
    if (p < kw) {
      double[] b0 = bp[p];
      int x = ai + p * cs;
      double a00 = alpha * a[x];
      double a10 = alpha * a[x + rs];
      double a20 = alpha * a[x + 2 * rs];
      double a30 = alpha * a[x + 3 * rs];
      for (int j = 0; j < nw; j++) {
        double v0 = b0[j];
        t0[j] = Math.fma(a00, v0, t0[j]);
        t1[j] = Math.fma(a10, v0, t1[j]);
        t2[j] = Math.fma(a20, v0, t2[j]);
        t3[j] = Math.fma(a30, v0, t3[j]);
      }
    }
  }

  /** Like {@link #rows4} for the single row of A starting at {@code a[ai]}, into {@code t0}. */
  static void rows1(int nw, int kw, double alpha, double[] a, int ai, int cs, double[][] bp,
      double[] t0) {
    int p = 0;
    for (; p + 2 <= kw; p += 2) {
      double[] b0 = bp[p];
      double[] b1 = bp[p + 1];
      int x = ai + p * cs;
      double a00 = alpha * a[x];
      double a01 = alpha * a[x + cs];
      for (int j = 0; j < nw; j++) {
        t0[j] = Math.fma(a01, b1[j], Math.fma(a00, b0[j], t0[j]));
      }
    }
    if (p < kw) {
      double[] b0 = bp[p];
      double a00 = alpha * a[ai + p * cs];
      for (int j = 0; j < nw; j++) {
        t0[j] = Math.fma(a00, b0[j], t0[j]);
      }
    }
  }
}
