package dev.chainrule.core.tensor;

import java.util.Arrays;

/**
 * The batched matrix product of two tensors of rank 2 or more: their last two axes are matrices,
 * the axes before them batch axes that broadcast as NumPy's {@code matmul} does, and each output
 * matrix is one {@link Gemm#gemm} call on the matching operand matrices. The offsets of every
 * batch's matrices are worked out once, on construction.
 */
public final class BatchedGemm {
  private final boolean transA;
  private final boolean transB;
  private final int m;
  private final int n;
  private final int k;
  private final int lda;
  private final int ldb;
  private final int[] offsetsA;
  private final int[] offsetsB;
  /** Whether the batch is one product: A's matrices stacked in order against one shared B. */
  private final boolean stacked;

  /** Prepares op(a)·op(b) for operands of shapes {@code a} and {@code b}. */
  public BatchedGemm(Shape a, boolean transA, Shape b, boolean transB) {
    Shape out = shape(a, transA, b, transB);
    this.transA = transA;
    this.transB = transB;
    this.m = out.dim(out.rank() - 2);
    this.n = out.dim(out.rank() - 1);
    this.k = transA ? a.dim(a.rank() - 2) : a.dim(a.rank() - 1);
    this.lda = a.dim(a.rank() - 1);
    this.ldb = b.dim(b.rank() - 1);
    int[] batch = Arrays.copyOf(out.dims(), out.rank() - 2);
    this.offsetsA = offsets(a, batch);
    this.offsetsB = offsets(b, batch);
    this.stacked = !transA && Arrays.stream(offsetsB).allMatch(o -> o == 0)
        && java.util.stream.IntStream.range(0, offsetsA.length)
            .allMatch(i -> offsetsA[i] == i * m * k);
  }

  /**
   * Returns the shape of op(a)·op(b): the broadcast batch axes, then (m, n).
   *
   * @throws IllegalArgumentException naming both shapes when an operand has rank below 2, the
   *     inner dimensions differ or the batch axes do not broadcast
   */
  public static Shape shape(Shape a, boolean transA, Shape b, boolean transB) {
    if (a.rank() < 2 || b.rank() < 2) {
      throw new IllegalArgumentException("batched matrix product needs operands of rank 2 or "
          + "more (batch axes, then rows and columns), got shapes " + a + " and " + b
          + "; reshape a vector to a (1, n) or (n, 1) matrix");
    }
    int ra = a.rank();
    int rb = b.rank();
    int ka = transA ? a.dim(ra - 2) : a.dim(ra - 1);
    int kb = transB ? b.dim(rb - 1) : b.dim(rb - 2);
    if (ka != kb) {
      throw new IllegalArgumentException("batched matrix product of " + describe(a, transA)
          + " and " + describe(b, transB) + ": inner dimensions " + ka + " and " + kb + " differ");
    }
    Shape batchA = Shape.of(Arrays.copyOf(a.dims(), ra - 2));
    Shape batchB = Shape.of(Arrays.copyOf(b.dims(), rb - 2));
    Shape batch = Shape.broadcastOrNull(batchA, batchB);
    if (batch == null) {
      throw new IllegalArgumentException("batched matrix product of " + a + " and " + b
          + ": batch axes " + batchA + " and " + batchB + " do not broadcast (aligned from the "
          + "right, each pair must be equal or contain a 1)");
    }
    int[] dims = Arrays.copyOf(batch.dims(), batch.rank() + 2);
    dims[batch.rank()] = transA ? a.dim(ra - 1) : a.dim(ra - 2);
    dims[batch.rank() + 1] = transB ? b.dim(rb - 2) : b.dim(rb - 1);
    return Shape.of(dims);
  }

  private static String describe(Shape s, boolean transposed) {
    return transposed ? s + " read transposed" : s.toString();
  }

  /** Returns the offset of the operand's matrix for each output batch, broadcasting. */
  private static int[] offsets(Shape operand, int[] batch) {
    int rank = operand.rank() - 2;
    int lead = batch.length - rank;
    int[] strides = operand.strides();
    int size = 1;
    for (int d : batch) {
      size *= d;
    }
    int[] offsets = new int[size];
    int[] index = new int[batch.length];
    for (int i = 0; i < size; i++) {
      int off = 0;
      for (int d = lead; d < batch.length; d++) {
        off += operand.dim(d - lead) == 1 ? 0 : index[d] * strides[d - lead];
      }
      offsets[i] = off;
      for (int d = batch.length - 1; d >= 0 && ++index[d] == batch[d]; d--) {
        index[d] = 0;
      }
    }
    return offsets;
  }

  /**
   * Writes op(a)·op(b) into {@code c}, whose shape is {@link #shape}'s: one GEMM of all the
   * batch's rows when A's matrices are stacked against one shared B (a layer applied to every
   * step of a sequence), else one GEMM per batch element.
   *
   * @param a the left operand's elements, row-major, read only
   * @param b the right operand's elements, row-major, read only
   * @param c the output, overwritten
   */
  public void run(double[] a, double[] b, double[] c) {
    run(a, b, c, DoublePrecision.INSTANCE);
  }

  /**
   * Like the double {@link #run(double[], double[], double[]) run}, on floats: every GEMM is the
   * float one ({@code sgemm} or the float Java kernel), accumulating in float.
   *
   * @param a the left operand's elements, row-major, read only
   * @param b the right operand's elements, row-major, read only
   * @param c the output, overwritten
   */
  public void run(float[] a, float[] b, float[] c) {
    run(a, b, c, FloatPrecision.INSTANCE);
  }

  private <A> void run(A a, A b, A c, GemmPrecision<A> precision) {
    GemmBackend backend = GemmBackend.configured();
    if (stacked) {
      Gemm.run(backend, false, transB, offsetsA.length * m, n, k, 1.0, a, 0, k, b, 0, ldb, 0.0, c,
          0, n, precision);
      return;
    }
    for (int i = 0; i < offsetsA.length; i++) {
      Gemm.run(backend, transA, transB, m, n, k, 1.0, a, offsetsA[i], lda, b, offsetsB[i], ldb,
          0.0, c, i * m * n, n, precision);
    }
  }
}
