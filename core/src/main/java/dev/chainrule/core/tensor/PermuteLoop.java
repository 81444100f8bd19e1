package dev.chainrule.core.tensor;

/**
 * An axis permutation of tensors of one fixed shape, with the strides worked out once: the
 * prepared form of {@link Permute#into}, which uses it too. It keeps a scratch index, so one
 * instance must not run on two threads at once.
 */
public final class PermuteLoop {
  private final int rank;
  private final int rows;
  private final int cols;
  private final boolean matrix;
  private final int[] dims;
  private final int[] strides;
  private final int[] index;

  /** Prepares the permutation {@code perm} of tensors of shape {@code in}. */
  public PermuteLoop(Shape in, int[] perm) {
    this.rank = in.rank();
    this.matrix = rank == 2 && perm[0] == 1;
    this.rows = matrix ? in.dim(0) : 0;
    this.cols = matrix ? in.dim(1) : 0;
    this.dims = Permute.shape(in, perm).dims();
    int[] inStrides = in.strides();
    this.strides = new int[rank];
    for (int i = 0; i < rank; i++) {
      strides[i] = inStrides[perm[i]];
    }
    this.index = new int[rank];
  }

  /** Writes the elements of {@code x} with the axes permuted into {@code o}. */
  public void run(double[] x, double[] o) {
    if (matrix) {
      transpose2d(x, rows, cols, o);
      return;
    }
    if (rank == 0 || o.length == 0) {
      System.arraycopy(x, 0, o, 0, o.length);
      return;
    }
    java.util.Arrays.fill(index, 0);
    int off = 0;
    for (int k = 0; k < o.length; k++) {
      o[k] = x[off];
      for (int d = rank - 1; d >= 0; d--) {
        index[d]++;
        off += strides[d];
        if (index[d] < dims[d]) {
          break;
        }
        off -= strides[d] * dims[d];
        index[d] = 0;
      }
    }
  }

  /** Writes the float32 elements of {@code x} with the axes permuted into {@code o}. */
  public void run(float[] x, float[] o) {
    if (rank == 0 || o.length == 0) {
      System.arraycopy(x, 0, o, 0, o.length);
      return;
    }
    java.util.Arrays.fill(index, 0);
    int off = 0;
    for (int k = 0; k < o.length; k++) {
      o[k] = x[off];
      for (int d = rank - 1; d >= 0; d--) {
        index[d]++;
        off += strides[d];
        if (index[d] < dims[d]) {
          break;
        }
        off -= strides[d] * dims[d];
        index[d] = 0;
      }
    }
  }

  private static void transpose2d(double[] x, int rows, int cols, double[] o) {
    final int block = 32;
    for (int i0 = 0; i0 < rows; i0 += block) {
      int i1 = Math.min(rows, i0 + block);
      for (int j0 = 0; j0 < cols; j0 += block) {
        int j1 = Math.min(cols, j0 + block);
        for (int i = i0; i < i1; i++) {
          for (int j = j0; j < j1; j++) {
            o[j * rows + i] = x[i * cols + j];
          }
        }
      }
    }
  }
}
