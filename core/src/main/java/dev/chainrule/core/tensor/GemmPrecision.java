package dev.chainrule.core.tensor;

/**
 * What a GEMM does differently for each element type {@code A} ({@code double[]} or {@code
 * float[]}): the loops that touch the arrays, which Java cannot share between primitive types.
 * Everything else, validation, the choice of kernel, the cache blocking and the threading, is
 * written once in {@link Gemm} and {@link BlockedGemm}. Implemented by {@link DoublePrecision} and
 * {@link FloatPrecision}.
 *
 * @param <A> the array type of the operands
 */
interface GemmPrecision<A> {
  /**
   * Returns how many elements one vector register holds (a 512-bit register: 8 doubles or 16
   * floats): the fewest columns worth a call of the vectorised kernel, and the multiple that the
   * blocked kernel's panel widths are rounded to.
   */
  int lanes();

  /** Multiplies the (m, n) block of C by {@code beta}, writing zeros when beta is 0. */
  void scale(int m, int n, double beta, A c, int cOff, int ldc);

  /**
   * Computes a small product with plain loops over the operands in place, with no packing or
   * tiling, so that a 2×2 or 64×10 product costs little more than its arithmetic. Like {@link
   * #blas}, it takes the arguments one by one, so that a small product allocates nothing.
   */
  void small(boolean transA, boolean transB, int m, int n, int k, double alpha, A a, int aOff,
      int lda, A b, int bOff, int ldb, double beta, A c, int cOff, int ldc);

  /**
   * Computes the product with the native BLAS ({@code dgemm} or {@code sgemm}).
   *
   * @throws IllegalStateException if no native BLAS is available
   */
  void blas(boolean transA, boolean transB, int m, int n, int k, double alpha, A a, int aOff,
      int lda, A b, int bOff, int ldb, double beta, A c, int cOff, int ldc);

  /** Returns the calling thread's workspace and inner kernels of the blocked GEMM. */
  GemmTiles<A> tiles();
}
