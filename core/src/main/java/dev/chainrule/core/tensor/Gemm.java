package dev.chainrule.core.tensor;

/**
 * General matrix multiply on row-major arrays of doubles or of floats, as BLAS defines it: {@code
 * C = alpha · op(A) · op(B) + beta · C}, where {@code op(X)} is X or its transpose. The transposed
 * operands are read in place, never copied. A float product accumulates in float, at about twice
 * the speed of a double one (twice the elements per vector and per cache line).
 *
 * <p>When a native BLAS is found (dev.ludovic.netlib over e.g. Debian's {@code libopenblas0}),
 * products from about 10³ up go to it (a narrow one as single-threaded blocks, see {@link
 * NarrowNativeGemm}); the system property {@code chainrule.blas} set to {@code
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
   * with both m and n below one vector ({@link GemmPrecision#lanes()}), whatever their k; one with
   * only n that narrow is computed as {@code Cᵀ = op(B)ᵀ · op(A)ᵀ}, so that the kernel always runs
   * on long rows.
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
   * Sets how many threads large products in the Java kernel, and large row gathers ({@link
   * Rows#gather}), may use, the calling thread included. A native BLAS runs its own threads
   * (OpenBLAS: the environment variable {@code OPENBLAS_NUM_THREADS}).
   *
   * @throws IllegalArgumentException if {@code count} is less than 1
   */
  public static void setThreads(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("GEMM thread count must be at least 1, got " + count);
    }
    threads = count;
  }

  /**
   * Returns how many threads the Java kernel and large row gathers may use; by default the
   * available processors.
   */
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
   * Computes {@code C = alpha · op(A) · op(B) + beta · C} for an (m, k) by (k, n) product of
   * doubles.
   *
   * @param transA whether A is stored as (k, m) and read transposed
   * @param transB whether B is stored as (n, k) and read transposed
   * @param m the rows of op(A) and of C
   * @param n the columns of op(B) and of C
   * @param k the columns of op(A) and the rows of op(B)
   * @param alpha the factor of the product
   * @param a the array holding A, read only
   * @param aOff where A's first element is in {@code a}
   * @param lda the row stride of A as stored; likewise {@code ldb} and {@code ldc}
   * @param b the array holding B, read only
   * @param bOff where B's first element is in {@code b}
   * @param ldb the row stride of B as stored
   * @param beta the factor of C's old contents
   * @param c the output, modified in place; when {@code beta} is 0 its old contents are ignored
   * @param cOff where C's first element is in {@code c}
   * @param ldc the row stride of C
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

  /**
   * Computes {@code C = alpha · op(A) · op(B) + beta · C} for an (m, k) by (k, n) product of
   * floats, accumulating in float as {@code sgemm} does: the native BLAS's {@code sgemm} when the
   * double product would use the native BLAS, the Java kernel otherwise, with the same arguments,
   * checks and threading as the double {@link #gemm(boolean, boolean, int, int, int, double,
   * double[], int, int, double[], int, int, double, double[], int, int) gemm}. Each element of C
   * carries a rounding error of at most about {@code k · 2⁻²⁴} times the sum of the magnitudes of
   * its terms, against {@code k · 2⁻⁵³} in double.
   *
   * @param transA whether A is stored as (k, m) and read transposed
   * @param transB whether B is stored as (n, k) and read transposed
   * @param m the rows of op(A) and of C
   * @param n the columns of op(B) and of C
   * @param k the columns of op(A) and the rows of op(B)
   * @param alpha the factor of the product
   * @param a the array holding A, read only
   * @param aOff where A's first element is in {@code a}
   * @param lda the row stride of A as stored; likewise {@code ldb} and {@code ldc}
   * @param b the array holding B, read only
   * @param bOff where B's first element is in {@code b}
   * @param ldb the row stride of B as stored
   * @param beta the factor of C's old contents
   * @param c the output, modified in place; when {@code beta} is 0 its old contents are ignored
   * @param cOff where C's first element is in {@code c}
   * @param ldc the row stride of C
   * @throws IllegalArgumentException if a size or offset is negative, a leading dimension is
   *     smaller than its row, or an operand runs past the end of its array
   * @throws IllegalStateException if {@code chainrule.blas} is misspelt, or is {@code native} and
   *     no native BLAS was found
   */
  public static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta,
      float[] c, int cOff, int ldc) {
    gemm(GemmBackend.configured(), transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb,
        beta, c, cOff, ldc);
  }

  /** Like the public double {@code gemm}, on the given backend rather than the configured one. */
  static void gemm(GemmBackend backend, boolean transA, boolean transB, int m, int n, int k,
      double alpha, double[] a, int aOff, int lda, double[] b, int bOff, int ldb, double beta,
      double[] c, int cOff, int ldc) {
    run(backend, transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc,
        DoublePrecision.INSTANCE);
  }

  /** Like the public float {@code gemm}, on the given backend rather than the configured one. */
  static void gemm(GemmBackend backend, boolean transA, boolean transB, int m, int n, int k,
      float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta,
      float[] c, int cOff, int ldc) {
    run(backend, transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc,
        FloatPrecision.INSTANCE);
  }

  /**
   * Validates the call, then computes it on the kernel that suits its size and the backend: the
   * native BLAS, the small-product loops, or the blocked kernel, threaded when large. The
   * arguments come one by one, and only the blocked kernel gets them as a {@link GemmCall}, so
   * that small and native products allocate nothing.
   */
  static <A> void run(GemmBackend backend, boolean transA, boolean transB, int m, int n, int k,
      double alpha, A a, int aOff, int lda, A b, int bOff, int ldb, double beta, A c, int cOff,
      int ldc, GemmPrecision<A> precision) {
    GemmChecks.check(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0 || alpha == 0.0) {
      precision.scale(m, n, beta, c, cOff, ldc);
      return;
    }
    long volume = (long) m * n * k;
    if (backend.usesNative(volume)) {
      if (NarrowNativeGemm.applies(m, n, k, volume)) {
        NarrowNativeGemm.run(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c,
            cOff, ldc, precision);
      } else {
        precision.blas(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff,
            ldc);
      }
      return;
    }
    int narrow = precision.lanes();
    if (volume < SMALL_VOLUME || (m < narrow && n < narrow)) {
      precision.small(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff,
          ldc);
      return;
    }
    GemmCall<A> call = new GemmCall<>(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb,
        beta, c, cOff, ldc, false);
    BlockedGemm.run(n < narrow ? call.transposed() : call, precision,
        volume >= PARALLEL_VOLUME ? threads : 1);
  }
}
