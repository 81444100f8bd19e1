package dev.chainrule.core.tensor;

/**
 * The register-tiled inner kernels of the blocked GEMM on floats: {@link DoubleKernel}'s loops,
 * written for {@code float[]} (a vector register holds twice as many floats, so each instruction
 * does twice the work), with the same order of operations, so that float results, too, do not
 * depend on how rows are grouped or split across threads. Products and sums are rounded to float
 * at every step, as {@code sgemm} does.
 */
final class FloatKernel {
  private FloatKernel() {}

  /**
   * Adds {@code alpha · A[r][p] · bp[p][j]} into tile rows {@code t0..t3}, for the four rows
   * {@code r} of op(A) whose element {@code p = 0} is at {@code a[ai + r · rs]}, for {@code p <
   * kw} and {@code j < nw}; {@code kw} must be even.
   *
   * @param rs the distance in {@code a} between consecutive rows of op(A)
   * @param cs the distance in {@code a} between consecutive columns of op(A)
   */
  static void rows4(int nw, int kw, float alpha, float[] a, int ai, int rs, int cs,
      float[][] bp, float[] t0, float[] t1, float[] t2, float[] t3) {
    for (int p = 0; p < kw; p += 2) {
      float[] b0 = bp[p];
      float[] b1 = bp[p + 1];
      int x = ai + p * cs;
      int y = x + cs;
      float a00 = alpha * a[x];
      float a01 = alpha * a[y];
      float a10 = alpha * a[x + rs];
      float a11 = alpha * a[y + rs];
      float a20 = alpha * a[x + 2 * rs];
      float a21 = alpha * a[y + 2 * rs];
      float a30 = alpha * a[x + 3 * rs];
      float a31 = alpha * a[y + 3 * rs];
      for (int j = 0; j < nw; j++) {
        float v0 = b0[j];
        float v1 = b1[j];
        t0[j] = Math.fma(a01, v1, Math.fma(a00, v0, t0[j]));
        t1[j] = Math.fma(a11, v1, Math.fma(a10, v0, t1[j]));
        t2[j] = Math.fma(a21, v1, Math.fma(a20, v0, t2[j]));
        t3[j] = Math.fma(a31, v1, Math.fma(a30, v0, t3[j]));
      }
    }
  }

  /** Adds the single column {@code p} of op(A) that starts at {@code a[x]} times row {@code b0}. */
  static void rows4Last(int nw, float alpha, float[] a, int x, int rs, float[] b0,
      float[] t0, float[] t1, float[] t2, float[] t3) {
    float a00 = alpha * a[x];
    float a10 = alpha * a[x + rs];
    float a20 = alpha * a[x + 2 * rs];
    float a30 = alpha * a[x + 3 * rs];
    for (int j = 0; j < nw; j++) {
      float v0 = b0[j];
      t0[j] = Math.fma(a00, v0, t0[j]);
      t1[j] = Math.fma(a10, v0, t1[j]);
      t2[j] = Math.fma(a20, v0, t2[j]);
      t3[j] = Math.fma(a30, v0, t3[j]);
    }
  }

  /** Like {@link #rows4} for the single row of op(A) starting at {@code a[ai]}, into {@code t0}. */
  static void rows1(int nw, int kw, float alpha, float[] a, int ai, int cs, float[][] bp,
      float[] t0) {
    for (int p = 0; p < kw; p += 2) {
      float[] b0 = bp[p];
      float[] b1 = bp[p + 1];
      int x = ai + p * cs;
      float a00 = alpha * a[x];
      float a01 = alpha * a[x + cs];
      for (int j = 0; j < nw; j++) {
        t0[j] = Math.fma(a01, b1[j], Math.fma(a00, b0[j], t0[j]));
      }
    }
  }

  /** Like {@link #rows4Last} for one row: adds {@code a00 · b0[j]} into {@code t0[j]}. */
  static void rows1Last(int nw, float a00, float[] b0, float[] t0) {
    for (int j = 0; j < nw; j++) {
      t0[j] = Math.fma(a00, b0[j], t0[j]);
    }
  }
}
