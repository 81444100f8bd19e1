package dev.chainrule.core.tensor;

/**
 * Matrix products of rank-2 tensors, either operand optionally read transposed without a copy.
 */
public final class MatMulKernel {
  private MatMulKernel() {}

  /**
   * Returns the shape of {@code op(a) · op(b)}, or throws naming both shapes when they disagree.
   */
  public static Shape shape(Shape a, boolean transA, Shape b, boolean transB) {
    if (a.rank() != 2 || b.rank() != 2) {
      throw new IllegalArgumentException("matrix product needs two matrices (rank 2), got shapes "
          + a + " and " + b);
    }
    int m = transA ? a.dim(1) : a.dim(0);
    int ka = transA ? a.dim(0) : a.dim(1);
    int kb = transB ? b.dim(1) : b.dim(0);
    int n = transB ? b.dim(0) : b.dim(1);
    if (ka != kb) {
      throw new IllegalArgumentException("matrix product of " + describe(a, transA) + " and "
          + describe(b, transB) + ": inner dimensions " + ka + " and " + kb + " differ");
    }
    return Shape.of(m, n);
  }

  private static String describe(Shape s, boolean transposed) {
    return transposed ? s + "ᵀ = (" + s.dim(1) + ", " + s.dim(0) + ")" : s.toString();
  }

  /** Returns {@code op(a) · op(b)} in a new tensor. */
  public static Tensor multiply(Tensor a, boolean transA, Tensor b, boolean transB) {
    Tensor out = Tensor.zeros(shape(a.shape(), transA, b.shape(), transB), a.dtype());
    into(a, transA, b, transB, out);
    return out;
  }

  /**
   * Writes {@code op(a) · op(b)} into {@code out}, overwriting it: the double GEMM for float64
   * tensors, the float GEMM ({@code sgemm}) for float32 ones.
   */
  public static void into(Tensor a, boolean transA, Tensor b, boolean transB, Tensor out) {
    int m = out.shape().dim(0);
    int n = out.shape().dim(1);
    int k = transA ? a.shape().dim(0) : a.shape().dim(1);
    int lda = a.shape().dim(1);
    int ldb = b.shape().dim(1);
    if (out.dtype() == DType.FLOAT32) {
      Gemm.gemm(transA, transB, m, n, k, 1f, a.floatBuffer(), 0, lda, b.floatBuffer(), 0, ldb,
          0f, out.floatBuffer(), 0, n);
    } else {
      Gemm.gemm(transA, transB, m, n, k, 1.0, a.buffer(), 0, lda, b.buffer(), 0, ldb, 0.0,
          out.buffer(), 0, n);
    }
  }
}
