package dev.chainrule.core.tensor;

/**
 * The register-tiled inner kernels of the blocked GEMM on doubles ({@link FloatKernel} has the
 * same loops on floats): they add {@code alpha · A-block · B-panel}
 * into rows of a C tile. Every array is indexed by the bare loop counter {@code j}: JDK 17's C2
 * auto-vectorises such a loop, but not one whose arrays carry different invariant offsets, which is
 * why B is packed into one array per row and C is staged in one array per row. Each method holds a
 * single loop nest, because a second loop in the same compiled body measurably stops C2 from
 * vectorising the first one well; the caller pairs them.
 *
 * <p>Each C element gets the same sequence of operations whichever kernel computes it (pairs of
 * {@code p} folded as {@code fma(a1, b1, fma(a0, b0, t))}, then a single trailing {@code p}), so
 * results do not depend on how rows are grouped or split across threads.
 */
final class DoubleKernel {
  private DoubleKernel() {}

  /**
   * Adds {@code alpha · A[r][p] · bp[p][j]} into tile rows {@code t0..t3}, for the four rows
   * {@code r} of op(A) whose element {@code p = 0} is at {@code a[ai + r · rs]}, for {@code p <
   * kw} and {@code j < nw}; {@code kw} must be even.
   *
   * @param rs the distance in {@code a} between consecutive rows of op(A)
   * @param cs the distance in {@code a} between consecutive columns of op(A)
   */
  static void rows4(int nw, int kw, double alpha, double[] a, int ai, int rs, int cs,
      double[][] bp, double[] t0, double[] t1, double[] t2, double[] t3) {
    for (int p = 0; p < kw; p += 2) {
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
  }

  /** Adds the single column {@code p} of op(A) that starts at {@code a[x]} times row {@code b0}. */
  static void rows4Last(int nw, double alpha, double[] a, int x, int rs, double[] b0,
      double[] t0, double[] t1, double[] t2, double[] t3) {
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

  /** Like {@link #rows4} for the single row of op(A) starting at {@code a[ai]}, into {@code t0}. */
  static void rows1(int nw, int kw, double alpha, double[] a, int ai, int cs, double[][] bp,
      double[] t0) {
    for (int p = 0; p < kw; p += 2) {
      double[] b0 = bp[p];
      double[] b1 = bp[p + 1];
      int x = ai + p * cs;
      double a00 = alpha * a[x];
      double a01 = alpha * a[x + cs];
      for (int j = 0; j < nw; j++) {
        t0[j] = Math.fma(a01, b1[j], Math.fma(a00, b0[j], t0[j]));
      }
    }
  }

  /** Like {@link #rows4Last} for one row: adds {@code a00 · b0[j]} into {@code t0[j]}. */
  static void rows1Last(int nw, double a00, double[] b0, double[] t0) {
    for (int j = 0; j < nw; j++) {
      t0[j] = Math.fma(a00, b0[j], t0[j]);
    }
  }
}
