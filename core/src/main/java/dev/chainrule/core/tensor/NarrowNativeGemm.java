package dev.chainrule.core.tensor;

/**
 * Runs a narrow native product as a row of single-threaded BLAS calls. OpenBLAS threads every
 * product of more than {@value #SINGLE_THREAD_VOLUME} multiply-adds, and when C has at most
 * {@value #NARROW} columns, or the shared dimension k is that short (a 10-class output layer's
 * {@code A1 · W2}, {@code dZ2 · W2ᵀ} and {@code A1ᵀ · dZ2}), waking its second thread costs more
 * than the thread saves: on two cores, m × n × k = 1024 × 10 × 256 takes about 320 µs threaded and
 * 220 µs as blocks each below the threshold, and 1024 × 256 × 10 about 320 and 150 µs (see
 * docs/benchmarks.md). Such a product, up to {@value #MAX_VOLUME} multiply-adds, is cut into blocks
 * of C's rows, or of its columns when it has more columns than rows, that OpenBLAS runs on the
 * calling thread alone. Larger products, and those narrow only in C's rows (a small batch times a
 * wide layer: 16 × 256 × 784 runs faster threaded), keep the BLAS's own threading.
 *
 * <p>Every element of C is still summed over the whole of k by one BLAS call, so cutting changes
 * no rounding beyond what the BLAS's choice of kernel for a block's edge may.
 */
final class NarrowNativeGemm {
  /** The most multiply-adds OpenBLAS computes on the calling thread alone (65536 × 4). */
  static final long SINGLE_THREAD_VOLUME = 1L << 18;
  /** The most columns of C, or the shortest k, that make a product narrow. */
  static final int NARROW = 16;
  /** The largest narrow product cut into blocks; above it, threading pays for itself. */
  static final long MAX_VOLUME = 1L << 23;

  private NarrowNativeGemm() {}

  /**
   * Returns whether an (m, k) by (k, n) product of {@code volume} multiply-adds is cut into
   * single-threaded blocks when it goes to the native BLAS: it is narrow, large enough for the
   * BLAS to thread it, small enough not to gain from that, and its blocks hold at least {@value
   * #NARROW} rows (or columns) each, so that the calls stay few and every one is below the BLAS's
   * threading threshold.
   */
  static boolean applies(int m, int n, int k, long volume) {
    long blockOfNarrowest = (long) Math.min(m, n) * k * NARROW;
    return volume > SINGLE_THREAD_VOLUME && volume <= MAX_VOLUME && Math.min(n, k) <= NARROW
        && blockOfNarrowest <= SINGLE_THREAD_VOLUME;
  }

  /**
   * Computes {@code C = alpha · op(A) · op(B) + beta · C} as native BLAS calls on blocks of C's
   * rows, or of its columns when it has more columns than rows, each block small enough for the
   * BLAS to run it on this thread. Arguments are as validated by {@link Gemm}.
   */
  static <A> void run(boolean transA, boolean transB, int m, int n, int k, double alpha, A a,
      int aOff, int lda, A b, int bOff, int ldb, double beta, A c, int cOff, int ldc,
      GemmPrecision<A> precision) {
    if (m >= n) {
      int rows = block(n, k);
      for (int i = 0; i < m; i += rows) {
        precision.blas(transA, transB, Math.min(rows, m - i), n, k, alpha, a,
            aOff + (transA ? i : i * lda), lda, b, bOff, ldb, beta, c, cOff + i * ldc, ldc);
      }
    } else {
      int columns = block(m, k);
      for (int j = 0; j < n; j += columns) {
        precision.blas(transA, transB, m, Math.min(columns, n - j), k, alpha, a, aOff, lda, b,
            bOff + (transB ? j * ldb : j), ldb, beta, c, cOff + j, ldc);
      }
    }
  }

  /** Returns how long a block may be along the cut dimension, the other two being given. */
  private static int block(int first, int second) {
    return (int) Math.max(1, SINGLE_THREAD_VOLUME / ((long) first * second));
  }
}
