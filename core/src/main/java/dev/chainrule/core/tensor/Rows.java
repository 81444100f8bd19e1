package dev.chainrule.core.tensor;

/**
 * Copies chosen rows of a matrix into another, as a shuffled mini-batch is taken from a dataset.
 * A gather of at least {@link #PARALLEL_ELEMENTS} elements is split into chunks of rows that the
 * calling thread and {@link Gemm#threads()} − 1 pool threads take in turn: one core copying rows
 * scattered over a large dataset spends most of its time waiting on memory, and a second one
 * overlaps its waits (W3's shuffled batch: 1.45× on two threads in {@code RowGatherBenchmark},
 * 1.76× between two training steps).
 */
public final class Rows {
  /**
   * The smallest gather split over threads (2 MB of float64): a smaller copy takes about as long
   * as waking a helper thread, tens to hundreds of microseconds.
   */
  static final int PARALLEL_ELEMENTS = 1 << 18;
  /** Rows per task of a split gather: short enough that nobody waits long for the last one. */
  static final int CHUNK_ROWS = 32;

  private Rows() {}

  /**
   * Copies row {@code indices[k]} of {@code from} into row {@code k} of {@code out}, for every k;
   * the rows of {@code out} past {@code indices.length} are left as they are.
   *
   * @throws IllegalArgumentException when either is not a matrix, their dtypes or widths differ,
   *     or {@code out} has fewer rows than indices are given
   * @throws IndexOutOfBoundsException naming the first index outside {@code from}'s rows
   */
  public static void gather(Tensor from, int[] indices, Tensor out) {
    check(from, indices, out);
    int width = from.shape().dim(1);
    int rows = indices.length;
    if ((long) rows * width < PARALLEL_ELEMENTS || Gemm.threads() < 2) {
      copy(from, indices, 0, rows, width, out);
      return;
    }
    int chunks = (rows + CHUNK_ROWS - 1) / CHUNK_ROWS;
    KernelPool.run(Gemm.threads(), chunks, c -> copy(from, indices, c * CHUNK_ROWS,
        Math.min(rows, (c + 1) * CHUNK_ROWS), width, out));
  }

  private static void copy(Tensor from, int[] indices, int first, int end, int width,
      Tensor out) {
    Object src = storage(from);
    Object dst = storage(out);
    for (int k = first; k < end; k++) {
      System.arraycopy(src, indices[k] * width, dst, k * width, width);
    }
  }

  private static Object storage(Tensor t) {
    return t.dtype() == DType.FLOAT64 ? t.buffer() : t.floatBuffer();
  }

  private static void check(Tensor from, int[] indices, Tensor out) {
    if (from.rank() != 2 || out.rank() != 2) {
      throw new IllegalArgumentException("gathering rows needs two matrices, got " + from.shape()
          + " to copy from and " + out.shape() + " to copy into");
    }
    if (from.dtype() != out.dtype()) {
      throw new IllegalArgumentException("rows of a " + from.dtype() + " matrix cannot be gathered "
          + "into a " + out.dtype() + " one; convert one of them with to(DType)");
    }
    if (from.shape().dim(1) != out.shape().dim(1)) {
      throw new IllegalArgumentException("rows of " + from.shape() + " do not fit rows of "
          + out.shape() + ": widths " + from.shape().dim(1) + " and " + out.shape().dim(1));
    }
    if (indices.length > out.shape().dim(0)) {
      throw new IllegalArgumentException(indices.length + " rows do not fit in " + out.shape());
    }
    int rows = from.shape().dim(0);
    for (int k = 0; k < indices.length; k++) {
      if (indices[k] < 0 || indices[k] >= rows) {
        throw new IndexOutOfBoundsException("row index " + indices[k] + " (at position " + k
            + ") is outside the " + rows + " rows of " + from.shape());
      }
    }
  }
}
