package dev.chainrule.core.tensor;

import java.util.Arrays;

/**
 * General matrix multiply on row-major arrays, as BLAS defines it:
 * {@code C = alpha · op(A) · op(B) + beta · C}, where {@code op(X)} is X or its transpose. The
 * transposed operands are read in place, never copied.
 *
 * <p>When a native BLAS is found (dev.ludovic.netlib over e.g. Debian's {@code libopenblas0}),
 * products from about 10³ up go to it; the system property {@code chainrule.blas} set to {@code
 * java}, {@code native} or {@code auto} (the default) forces the choice, and {@link #backend()}
 * tells which is in use. Otherwise, and always below that size, pure-Java kernels run: plain loops
 * for tiny products, a cache-blocked, register-tiled kernel that C2 vectorises for the rest,
 * split by blocks of C over {@link #threads()} threads when the product is large. In the Java
 * kernels each element of C is computed by one thread in a fixed order, so the result is
 * bit-identical whatever the thread count, and on every machine.
 */
public final class Gemm {
  /**
   * Products with fewer multiply-adds ({@code m · n · k}) than this run the unblocked loops: about
   * 6³, where the blocked kernel's tile copies stop costing more than they save. So do products
   * with both m and n below one vector, whatever their k; one with only n that narrow is computed
   * as {@code Cᵀ = op(B)ᵀ · op(A)ᵀ}, so that the kernel always runs on long rows.
   */
  static final long SMALL_VOLUME = 1L << 8;
  /**
   * Products with at least this many multiply-adds (128³, ≈ 100 µs on one core) are split across
   * threads; below it, waking a second thread costs about as much as it saves.
   */
  static final long PARALLEL_VOLUME = 1L << 21;

  private static volatile int threads = Runtime.getRuntime().availableProcessors();

  private Gemm() {}

  /**
   * Sets how many threads large products in the Java kernel may use, the calling thread included.
   * A native BLAS runs its own threads (OpenBLAS: the environment variable {@code
   * OPENBLAS_NUM_THREADS}).
   *
   * @throws IllegalArgumentException if {@code count} is less than 1
   */
  public static void setThreads(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("GEMM thread count must be at least 1, got " + count);
    }
    threads = count;
  }

  /** Returns how many threads the Java kernel may use; by default the available processors. */
  public static int threads() {
    return threads;
  }

  /**
   * Describes what large products run on, for logs and benchmark reports: the native BLAS class in
   * use, or the Java kernel and why no native BLAS is used.
   *
   * @throws IllegalStateException if the system property {@code chainrule.blas} is misspelt
   */
  public static String backend() {
    return GemmBackend.configured().describe();
  }

  /**
   * Computes {@code C = alpha · op(A) · op(B) + beta · C} for an (m, k) by (k, n) product.
   *
   * @param transA whether A is stored as (k, m) and read transposed
   * @param transB whether B is stored as (n, k) and read transposed
   * @param lda the row stride of A as stored; likewise {@code ldb} and {@code ldc}
   * @param c the output, modified in place; when {@code beta} is 0 its old contents are ignored
   * @throws IllegalArgumentException if a size or offset is negative, a leading dimension is
   *     smaller than its row, or an operand runs past the end of its array
   * @throws IllegalStateException if {@code chainrule.blas} is misspelt, or is {@code native} and
   *     no native BLAS was found
   */
  public static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
      double[] a, int aOff, int lda, double[] b, int bOff, int ldb, double beta,
      double[] c, int cOff, int ldc) {
    gemm(GemmBackend.configured(), transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb,
        beta, c, cOff, ldc);
  }

  /** Like the public {@code gemm}, on the given backend rather than the configured one. */
  static void gemm(GemmBackend backend, boolean transA, boolean transB, int m, int n, int k,
      double alpha, double[] a, int aOff, int lda, double[] b, int bOff, int ldb, double beta,
      double[] c, int cOff, int ldc) {
    GemmChecks.check(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0 || alpha == 0.0) {
      scale(m, n, beta, c, cOff, ldc);
      return;
    }
    long volume = (long) m * n * k;
    if (backend.usesNative(volume)) {
      NativeGemm.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff,
          ldc);
      return;
    }
    int narrow = BlockedGemm.MIN_WIDTH;
    if (volume < SMALL_VOLUME || (m < narrow && n < narrow)) {
      SmallGemm.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff,
          ldc);
      return;
    }
    GemmCall call = new GemmCall(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta,
        c, cOff, ldc, false);
    BlockedGemm.run(n < narrow ? call.transposed() : call,
        volume >= PARALLEL_VOLUME ? threads : 1);
  }

  /** Multiplies the (m, n) block of C by {@code beta}, writing zeros when beta is 0. */
  static void scale(int m, int n, double beta, double[] c, int cOff, int ldc) {
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
}
