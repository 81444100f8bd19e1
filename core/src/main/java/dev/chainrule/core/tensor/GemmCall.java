package dev.chainrule.core.tensor;

/**
 * The arguments of one {@link Gemm#gemm} call, handed to the kernels and their worker threads:
 * {@code A} is the array type, {@code double[]} or {@code float[]}. When {@code transC} is set, the
 * (m, n) result is stored transposed: element (i, j) lives at {@code c[cOff + j · ldc + i]}. A
 * float product's {@code alpha} and {@code beta} are floats widened, so narrowing them back is
 * exact.
 */
record GemmCall<A>(boolean transA, boolean transB, int m, int n, int k, double alpha,
    A a, int aOff, int lda, A b, int bOff, int ldb, double beta,
    A c, int cOff, int ldc, boolean transC) {

  /**
   * Returns the same product as {@code Cᵀ = op(B)ᵀ · op(A)ᵀ}, whose rows are the columns of C: what
   * was the short n direction becomes the long, vectorised one.
   */
  GemmCall<A> transposed() {
    return new GemmCall<>(!transB, !transA, n, m, k, alpha, b, bOff, ldb, a, aOff, lda, beta, c,
        cOff, ldc, !transC);
  }

  /** Returns the distance in {@code a} between consecutive rows of op(A). */
  int rowStrideA() {
    return transA ? 1 : lda;
  }

  /** Returns the distance in {@code a} between consecutive columns of op(A). */
  int columnStrideA() {
    return transA ? lda : 1;
  }
}
