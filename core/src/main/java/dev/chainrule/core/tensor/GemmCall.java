package dev.chainrule.core.tensor;

/**
 * The arguments of one {@link Gemm#gemm} call, already validated, handed to the blocked kernel and
 * its worker threads.
 */
record GemmCall(boolean transA, boolean transB, int m, int n, int k, double alpha,
    double[] a, int aOff, int lda, double[] b, int bOff, int ldb, double beta,
    double[] c, int cOff, int ldc) {

  /** Returns {@code m · n · k}, the number of multiply-adds, as a long. */
  long volume() {
    return (long) m * n * k;
  }
}
