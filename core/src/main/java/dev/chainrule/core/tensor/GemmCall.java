package dev.chainrule.core.tensor;

/**
 * The arguments of one {@link Gemm#gemm} call, already validated, handed to the blocked kernel and
 * its worker threads. When {@code transC} is set, the (m, n) result is stored transposed: element
 * (i, j) lives at {@code c[cOff + j · ldc + i]}.
 */
record GemmCall(boolean transA, boolean transB, int m, int n, int k, double alpha,
    double[] a, int aOff, int lda, double[] b, int bOff, int ldb, double beta,
    double[] c, int cOff, int ldc, boolean transC) {

  /**
   * Returns the same product as {@code Cᵀ = op(B)ᵀ · op(A)ᵀ}, whose rows are the columns of C: what
   * was the short n direction becomes the long, vectorised one.
   */
  GemmCall transposed() {
    return new GemmCall(!transB, !transA, n, m, k, alpha, b, bOff, ldb, a, aOff, lda, beta, c,
        cOff, ldc, !transC);
  }

  /** Returns {@code m · n · k}, the number of multiply-adds, as a long. */
  long volume() {
    return (long) m * n * k;
  }
}
