package dev.chainrule.core.tensor;

/** The axis-permutation kernel behind transpose: copies a tensor with its axes reordered. */
public final class Permute {
  private Permute() {}

  /** Returns the permutation that reverses {@code rank} axes, the default transpose. */
  public static int[] reversed(int rank) {
    int[] p = new int[rank];
    for (int i = 0; i < rank; i++) {
      p[i] = rank - 1 - i;
    }
    return p;
  }

  /** Returns the shape of a tensor of shape {@code in} after permuting its axes. */
  public static Shape shape(Shape in, int[] perm) {
    check(in, perm);
    int[] d = new int[perm.length];
    for (int i = 0; i < perm.length; i++) {
      d[i] = in.dim(perm[i]);
    }
    return Shape.of(d);
  }

  /** Returns the inverse permutation, which undoes {@code perm}. */
  public static int[] inverse(int[] perm) {
    int[] inv = new int[perm.length];
    for (int i = 0; i < perm.length; i++) {
      inv[perm[i]] = i;
    }
    return inv;
  }

  private static void check(Shape in, int[] perm) {
    if (perm.length != in.rank()) {
      throw new IllegalArgumentException("permutation of " + perm.length + " axes given for a "
          + "tensor of shape " + in + " with " + in.rank());
    }
    boolean[] seen = new boolean[perm.length];
    for (int p : perm) {
      if (p < 0 || p >= perm.length || seen[p]) {
        throw new IllegalArgumentException("axes " + java.util.Arrays.toString(perm)
            + " are not a permutation of 0.." + (perm.length - 1));
      }
      seen[p] = true;
    }
  }

  /** Writes {@code in} with axes permuted by {@code perm} into {@code out}. */
  public static void into(Tensor in, int[] perm, Tensor out) {
    double[] x = in.buffer();
    double[] o = out.buffer();
    int rank = in.rank();
    if (rank == 2 && perm[0] == 1) {
      transpose2d(x, in.shape().dim(0), in.shape().dim(1), o);
      return;
    }
    if (rank == 0 || o.length == 0) {
      System.arraycopy(x, 0, o, 0, o.length);
      return;
    }
    int[] dims = out.shape().dims();
    int[] inStrides = in.shape().strides();
    int[] s = new int[rank];
    for (int i = 0; i < rank; i++) {
      s[i] = inStrides[perm[i]];
    }
    int[] index = new int[rank];
    int off = 0;
    for (int k = 0; k < o.length; k++) {
      o[k] = x[off];
      for (int d = rank - 1; d >= 0; d--) {
        index[d]++;
        off += s[d];
        if (index[d] < dims[d]) {
          break;
        }
        off -= s[d] * dims[d];
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
