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
    PermuteLoop loop = new PermuteLoop(in.shape(), perm);
    if (out.dtype() == DType.FLOAT32) {
      loop.run(in.floatBuffer(), out.floatBuffer());
    } else {
      loop.run(in.buffer(), out.buffer());
    }
  }
}
