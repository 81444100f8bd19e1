package dev.chainrule.core.tensor;

/**
 * Runs a narrow native product as a row of single-threaded BLAS calls. OpenBLAS threads every
 * product of more than {@value #SINGLE_THREAD_VOLUME} multiply-adds, and for a product with one
 * side of at most {@value #NARROW} (a 10-class output layer's {@code A1 · W2}, {@code dZ2 · W2ᵀ} or
 * {@code A1ᵀ · dZ2}) waking its second thread costs more than the thread saves: on two cores,
 * 1024 × 10 × 256 takes about 320 µs threaded and 210 µs as blocks each below the threshold (see
 * docs/benchmarks.md). Such a product, up to {@value #MAX_VOLUME} multiply-adds, is cut along its
 * longest dimension into blocks that OpenBLAS runs on the calling thread alone; larger or wider
 * products keep the BLAS's own threading, which pays for itself there.
 *
 * <p>Cutting C's rows or columns leaves each element's sum as BLAS computes it; cutting the
 * shared dimension k adds the blocks' partial products into C one after another, as BLAS itself
 * does between its cache blocks of k.
 */
final class NarrowNativeGemm {
  /** The most multiply-adds OpenBLAS computes on the calling thread alone (65536 × 4). */
  static final long SINGLE_THREAD_VOLUME = 1L << 18;
  /** The widest side that makes a product narrow. */
  static final int NARROW = 16;
  /** The largest narrow product cut into blocks; above it, threading pays for itself. */
  static final long MAX_VOLUME = 1L << 23;

  private NarrowNativeGemm() {}

  /**
   * Returns whether an (m, k) by (k, n) product of {@code volume} multiply-adds is cut into
   * single-threaded blocks when it goes to the native BLAS.
   */
  static boolean applies(int m, int n, int k, long volume) {
    return volume > SINGLE_THREAD_VOLUME && volume <= MAX_VOLUME
        && Math.min(m, Math.min(n, k)) <= NARROW;
  }

  /**
   * Computes {@code C = alpha · op(A) · op(B) + beta · C} as native BLAS calls on blocks of C's
   * rows, of C's columns or of k, whichever dimension is longest, each block small enough for
   * the BLAS to run it on this thread. Arguments are as validated by {@link Gemm}.
   */
  static <A> void run(boolean transA, boolean transB, int m, int n, int k, double alpha, A a,
      int aOff, int lda, A b, int bOff, int ldb, double beta, A c, int cOff, int ldc,
      GemmPrecision<A> precision) {
    if (m >= n && m >= k) {
      int rows = block(n, k);
      for (int i = 0; i < m; i += rows) {
        precision.blas(transA, transB, Math.min(rows, m - i), n, k, alpha, a,
            aOff + (transA ? i : i * lda), lda, b, bOff, ldb, beta, c, cOff + i * ldc, ldc);
      }
    } else if (n >= k) {
      int columns = block(m, k);
      for (int j = 0; j < n; j += columns) {
        precision.blas(transA, transB, m, Math.min(columns, n - j), k, alpha, a, aOff, lda, b,
            bOff + (transB ? j * ldb : j), ldb, beta, c, cOff + j, ldc);
      }
    } else {
      int depth = block(m, n);
      for (int p = 0; p < k; p += depth) {
        precision.blas(transA, transB, m, n, Math.min(depth, k - p), alpha, a,
            aOff + (transA ? p * lda : p), lda, b, bOff + (transB ? p : p * ldb), ldb,
            p == 0 ? beta : 1.0, c, cOff, ldc);
      }
    }
  }

  /** Returns how long a block may be along the cut dimension, the other two being given. */
  private static int block(int first, int second) {
    return (int) Math.max(1, SINGLE_THREAD_VOLUME / ((long) first * second));
  }
}
