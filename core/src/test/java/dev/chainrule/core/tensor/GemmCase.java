package dev.chainrule.core.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

/**
 * One GEMM with random operands, padded around and between rows to catch stray writes, run in
 * double or in float and compared with a triple loop written here in double. A float case draws
 * values that floats hold exactly, so that both runs and the reference see the same numbers; its
 * tolerance is the standard bound for a sum of k products rounded at every step, {@code (k + 2) · u
 * · Σ|terms|}, with u the unit roundoff of the precision run (2⁻⁵³ or 2⁻²⁴) and a factor 4 to
 * spare.
 */
final class GemmCase {
  /** The unit roundoff of float arithmetic, 2⁻²⁴: half the distance from 1 to the next float. */
  static final double FLOAT_ROUNDOFF = Math.ulp(1.0f) / 2;
  /** The unit roundoff of double arithmetic, 2⁻⁵³. */
  static final double DOUBLE_ROUNDOFF = Math.ulp(1.0) / 2;

  final boolean single;
  final boolean ta;
  final boolean tb;
  final int m;
  final int n;
  final int k;
  final int aOff;
  final int bOff;
  final int cOff;
  final int lda;
  final int ldb;
  final int ldc;
  final double[] a;
  final double[] b;
  double[] c;

  /** A case in double ({@code single} false) or float, with offsets and row paddings as given. */
  GemmCase(boolean single, boolean ta, boolean tb, int m, int n, int k, int aOff, int bOff,
      int cOff, int padA, int padB, int padC, Random rnd) {
    this.single = single;
    this.ta = ta;
    this.tb = tb;
    this.m = m;
    this.n = n;
    this.k = k;
    this.aOff = aOff;
    this.bOff = bOff;
    this.cOff = cOff;
    this.lda = (ta ? m : k) + padA;
    this.ldb = (tb ? k : n) + padB;
    this.ldc = n + padC;
    this.a = random(aOff + (ta ? k : m) * lda + 2, rnd);
    this.b = random(bOff + (tb ? n : k) * ldb + 2, rnd);
    this.c = random(cOff + m * ldc + 2, rnd);
  }

  private double[] random(int length, Random rnd) {
    double[] x = new double[length];
    for (int i = 0; i < length; i++) {
      double v = rnd.nextDouble() * 2 - 1;
      x[i] = single ? (float) v : v;
    }
    return x;
  }

  double opA(int i, int p) {
    return ta ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
  }

  double opB(int p, int j) {
    return tb ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
  }

  /**
   * Runs on {@code backend}, or through the public entry point when it is null, and returns C (in
   * double, exactly, for a float case). Alpha and beta must be floats for a float case.
   */
  double[] run(GemmBackend backend, int threads, double alpha, double beta) {
    Gemm.setThreads(threads);
    if (!single) {
      if (backend == null) {
        Gemm.gemm(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
      } else {
        Gemm.gemm(backend, ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
      }
      return c;
    }
    float[] fa = toFloat(a);
    float[] fb = toFloat(b);
    float[] fc = toFloat(c);
    if (backend == null) {
      Gemm.gemm(ta, tb, m, n, k, (float) alpha, fa, aOff, lda, fb, bOff, ldb, (float) beta, fc,
          cOff, ldc);
    } else {
      Gemm.gemm(backend, ta, tb, m, n, k, (float) alpha, fa, aOff, lda, fb, bOff, ldb,
          (float) beta, fc, cOff, ldc);
    }
    for (int i = 0; i < c.length; i++) {
      c[i] = fc[i];
    }
    return c;
  }

  /** Returns {@code x} as floats; exact for the values a float case holds. */
  static float[] toFloat(double[] x) {
    float[] f = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      f[i] = (float) x[i];
    }
    return f;
  }

  /** Runs on {@code backend} at the machine's thread count and compares with the triple loop. */
  void runAndCheck(GemmBackend backend, double alpha, double beta) {
    double[] before = c.clone();
    check(run(backend, Runtime.getRuntime().availableProcessors(), alpha, beta), before, alpha,
        beta);
  }

  /** Compares with a triple loop; cells outside the (m, n) block of C must be untouched. */
  void check(double[] got, double[] before, double alpha, double beta) {
    double u = single ? FLOAT_ROUNDOFF : DOUBLE_ROUNDOFF;
    double[] expected = before.clone();
    double[] bound = new double[expected.length];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        double abs = 0;
        for (int p = 0; p < k; p++) {
          s += opA(i, p) * opB(p, j);
          abs += Math.abs(opA(i, p) * opB(p, j));
        }
        int at = cOff + i * ldc + j;
        double old = beta == 0 ? 0 : beta * before[at];
        expected[at] = alpha * s + old;
        bound[at] = 4 * u * (k + 2) * (Math.abs(alpha) * abs + Math.abs(old));
      }
    }
    for (int x = 0; x < expected.length; x++) {
      int i = ldc == 0 ? 0 : (x - cOff) / ldc;
      int j = ldc == 0 ? x - cOff : (x - cOff) % ldc;
      String where = (single ? "float " : "double ") + "C[" + i + "][" + j + "] (m=" + m + " n="
          + n + " k=" + k + " transA=" + ta + " transB=" + tb + ")";
      assertEquals(expected[x], got[x], bound[x], where);
    }
  }
}
