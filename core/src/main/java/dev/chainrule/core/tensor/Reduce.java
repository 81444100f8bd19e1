package dev.chainrule.core.tensor;

import java.util.Arrays;

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
    double[] o = out.buffer();
    double[] x = in.buffer();
    if (o.length == 1) {
      double s = 0;
      for (double v : x) {
        s += v;
      }
      o[0] = s;
      return;
    }
    Arrays.fill(o, 0.0);
    int[] so = outStrides(in.shape(), axes);
    int rank = in.rank();
    int[] dims = in.shape().dims();
    int inner = dims[rank - 1];
    int innerStride = so[rank - 1];
    int[] index = new int[rank];
    int off = 0;
    for (int base = 0; base < x.length; base += inner) {
      if (innerStride == 0) {
        double s = 0;
        for (int j = 0; j < inner; j++) {
          s += x[base + j];
        }
        o[off] += s;
      } else {
        for (int j = 0; j < inner; j++) {
          o[off + j] += x[base + j];
        }
      }
      off = advance(index, dims, so, off, rank);
    }
  }

  /** Writes the maximum of {@code in} over {@code axes} into {@code out}; NaN wins. */
  public static void maxInto(Tensor in, int[] axes, Tensor out) {
    double[] o = out.buffer();
    double[] x = in.buffer();
    Arrays.fill(o, Double.NEGATIVE_INFINITY);
    int rank = in.rank();
    if (rank == 0) {
      o[0] = x[0];
      return;
    }
    int[] so = outStrides(in.shape(), axes);
    int[] dims = in.shape().dims();
    int inner = dims[rank - 1];
    int innerStride = so[rank - 1];
    int[] index = new int[rank];
    int off = 0;
    for (int base = 0; base < x.length; base += inner) {
      for (int j = 0; j < inner; j++) {
        int k = off + j * innerStride;
        double v = x[base + j];
        if (v > o[k] || Double.isNaN(v)) {
          o[k] = v;
        }
      }
      off = advance(index, dims, so, off, rank);
    }
  }

  private static int advance(int[] index, int[] dims, int[] so, int off, int rank) {
    for (int d = rank - 2; d >= 0; d--) {
      index[d]++;
      off += so[d];
      if (index[d] < dims[d]) {
        return off;
      }
      off -= so[d] * dims[d];
      index[d] = 0;
    }
    return off;
  }

  /** Strides of the output seen from the input's index space: 0 along reduced axes. */
  private static int[] outStrides(Shape in, int[] axes) {
    boolean[] reduced = reducedFlags(in, axes);
    int rank = in.rank();
    int[] s = new int[rank];
    int stride = 1;
    for (int i = rank - 1; i >= 0; i--) {
      if (!reduced[i]) {
        s[i] = stride;
        stride *= in.dim(i);
      }
    }
    return s;
  }
}
