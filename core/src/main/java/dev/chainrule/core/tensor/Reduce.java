package dev.chainrule.core.tensor;

/**
 * Reduction kernels: sum, mean and maximum over any set of axes, with or without keeping the
 * reduced axes as dimensions of size 1. Both forms share one memory layout, so the kernels write
 * either.
 */
public final class Reduce {
  private Reduce() {}

  /** Returns the sum over {@code axes} (all axes when empty). */
  public static Tensor sum(Tensor in, int[] axes, boolean keepDims) {
    int[] ax = allIfEmpty(in.rank(), axes);
    Tensor out = Tensor.zeros(in.shape().reduce(ax, keepDims));
    sumInto(in, ax, out);
    return out;
  }

  /** Returns the mean over {@code axes} (all axes when empty). */
  public static Tensor mean(Tensor in, int[] axes, boolean keepDims) {
    int[] ax = allIfEmpty(in.rank(), axes);
    Tensor out = sum(in, ax, keepDims);
    out.scaleInPlace(1.0 / count(in.shape(), ax));
    return out;
  }

  /** Returns the maximum over {@code axes} (all axes when empty). */
  public static Tensor max(Tensor in, int[] axes, boolean keepDims) {
    int[] ax = allIfEmpty(in.rank(), axes);
    Tensor out = Tensor.zeros(in.shape().reduce(ax, keepDims));
    maxInto(in, ax, out);
    return out;
  }

  /** Returns every axis of a tensor of rank {@code rank} when {@code axes} is empty. */
  public static int[] allIfEmpty(int rank, int[] axes) {
    if (axes.length > 0) {
      return axes;
    }
    int[] all = new int[rank];
    for (int i = 0; i < rank; i++) {
      all[i] = i;
    }
    return all;
  }

  /** Returns how many elements of {@code shape} fall into one output element. */
  public static int count(Shape shape, int[] axes) {
    int n = 1;
    boolean[] flags = reducedFlags(shape, axes);
    for (int i = 0; i < flags.length; i++) {
      if (flags[i]) {
        n *= shape.dim(i);
      }
    }
    return n;
  }

  private static boolean[] reducedFlags(Shape shape, int[] axes) {
    boolean[] flags = new boolean[shape.rank()];
    for (int a : axes) {
      flags[shape.normalizeAxis(a)] = true;
    }
    return flags;
  }

  /** Writes the sum of {@code in} over {@code axes} into {@code out} (either reduced layout). */
  public static void sumInto(Tensor in, int[] axes, Tensor out) {
    ReduceLoop loop = new ReduceLoop(in.shape(), axes);
    if (out.dtype() == DType.FLOAT32) {
      loop.sum(in.floatBuffer(), out.floatBuffer());
    } else {
      loop.sum(in.buffer(), out.buffer());
    }
  }

  /** Writes the maximum of {@code in} over {@code axes} into {@code out}; NaN wins. */
  public static void maxInto(Tensor in, int[] axes, Tensor out) {
    ReduceLoop loop = new ReduceLoop(in.shape(), axes);
    if (out.dtype() == DType.FLOAT32) {
      loop.max(in.floatBuffer(), out.floatBuffer());
    } else {
      loop.max(in.buffer(), out.buffer());
    }
  }
}
