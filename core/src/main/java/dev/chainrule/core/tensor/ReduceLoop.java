package dev.chainrule.core.tensor;

import java.util.Arrays;

/**
 * A sum or maximum over fixed axes of a tensor of fixed shape, with the output's strides worked
 * out once: the prepared form of {@link Reduce#sumInto} and {@link Reduce#maxInto}, which use it
 * too, so both visit the elements in the same order and give the same numbers. Float32 tensors
 * have loops of their own, whose sums accumulate in float64. It keeps a scratch
 * index, so one instance must not run on two threads at once.
 */
public final class ReduceLoop {
  private final int rank;
  private final int[] dims;
  private final int[] outStrides;
  private final int inner;
  private final int innerStride;
  private final int[] index;
  /** A copy of one input row, so the row-sum loop indexes both arrays alike (vectorised). */
  private final double[] row;
  /** The float64 sums of a float32 sum, one per output element, made on its first run. */
  private double[] acc;

  /** Prepares the reduction of a tensor of shape {@code in} over {@code axes} (non-empty). */
  public ReduceLoop(Shape in, int[] axes) {
    this.rank = in.rank();
    this.dims = in.dims();
    this.outStrides = outStrides(in, axes);
    this.inner = rank == 0 ? 1 : dims[rank - 1];
    this.innerStride = rank == 0 ? 0 : outStrides[rank - 1];
    this.index = new int[rank];
    boolean leadingOnly = rank > 0 && innerStride == 1;
    for (int d = 0; d < rank - 1; d++) {
      leadingOnly &= outStrides[d] == 0;
    }
    this.row = leadingOnly && inner <= 4096 ? new double[inner] : null;
  }

  /** Writes the sum of {@code x} over the axes into {@code o} (either reduced layout). */
  public void sum(double[] x, double[] o) {
    if (o.length == 1) {
      double s = 0;
      for (double v : x) {
        s += v;
      }
      o[0] = s;
      return;
    }
    Arrays.fill(o, 0.0);
    if (row != null) {
      for (int base = 0; base < x.length; base += inner) {
        System.arraycopy(x, base, row, 0, inner);
        for (int j = 0; j < inner; j++) {
          o[j] += row[j];
        }
      }
      return;
    }
    Arrays.fill(index, 0);
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
      off = advance(off);
    }
  }

  /** Writes the maximum of {@code x} over the axes into {@code o}; NaN wins. */
  public void max(double[] x, double[] o) {
    Arrays.fill(o, Double.NEGATIVE_INFINITY);
    if (rank == 0) {
      o[0] = x[0];
      return;
    }
    Arrays.fill(index, 0);
    int off = 0;
    for (int base = 0; base < x.length; base += inner) {
      for (int j = 0; j < inner; j++) {
        int k = off + j * innerStride;
        double v = x[base + j];
        if (v > o[k] || Double.isNaN(v)) {
          o[k] = v;
        }
      }
      off = advance(off);
    }
  }

  /**
   * Writes the float32 sum of {@code x} over the axes into {@code o}: accumulated in float64, in
   * the order {@link #sum(double[], double[])} adds, and rounded to float32 once per element.
   */
  public void sum(float[] x, float[] o) {
    if (o.length == 1) {
      double s = 0;
      for (float v : x) {
        s += v;
      }
      o[0] = (float) s;
      return;
    }
    if (acc == null || acc.length != o.length) {
      acc = new double[o.length];
    }
    Arrays.fill(acc, 0.0);
    Arrays.fill(index, 0);
    int off = 0;
    for (int base = 0; base < x.length; base += inner) {
      for (int j = 0; j < inner; j++) {
        acc[off + j * innerStride] += x[base + j];
      }
      off = advance(off);
    }
    for (int i = 0; i < o.length; i++) {
      o[i] = (float) acc[i];
    }
  }

  /** Writes the maximum of float32 {@code x} over the axes into {@code o}; NaN wins. */
  public void max(float[] x, float[] o) {
    Arrays.fill(o, Float.NEGATIVE_INFINITY);
    if (rank == 0) {
      o[0] = x[0];
      return;
    }
    Arrays.fill(index, 0);
    int off = 0;
    for (int base = 0; base < x.length; base += inner) {
      for (int j = 0; j < inner; j++) {
        int k = off + j * innerStride;
        float v = x[base + j];
        if (v > o[k] || Float.isNaN(v)) {
          o[k] = v;
        }
      }
      off = advance(off);
    }
  }

  private int advance(int off) {
    for (int d = rank - 2; d >= 0; d--) {
      index[d]++;
      off += outStrides[d];
      if (index[d] < dims[d]) {
        return off;
      }
      off -= outStrides[d] * dims[d];
      index[d] = 0;
    }
    return off;
  }

  /** Strides of the output seen from the input's index space: 0 along reduced axes. */
  private static int[] outStrides(Shape in, int[] axes) {
    boolean[] reduced = new boolean[in.rank()];
    for (int a : axes) {
      reduced[in.normalizeAxis(a)] = true;
    }
    int[] s = new int[in.rank()];
    int stride = 1;
    for (int i = in.rank() - 1; i >= 0; i--) {
      if (!reduced[i]) {
        s[i] = stride;
        stride *= in.dim(i);
      }
    }
    return s;
  }
}
