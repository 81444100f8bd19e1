package dev.chainrule.core.scalar;

import dev.chainrule.core.tensor.Shape;

/**
 * Reads a run of elements of a broadcast operand as they appear in the row-major order of a larger
 * shape: the strides of the operand seen from the larger shape are 0 along every broadcast axis.
 * It keeps a scratch index, so one instance serves one thread.
 */
public final class Gather {
  private final int rank;
  private final int[] dims;
  private final int[] strides;
  private final int[] index;

  /** Prepares reads of an operand of shape {@code operand} broadcast to {@code target}. */
  public Gather(Shape operand, Shape target) {
    this.rank = target.rank();
    this.dims = target.dims();
    this.strides = new int[rank];
    int offset = rank - operand.rank();
    int[] own = operand.strides();
    for (int i = offset; i < rank; i++) {
      strides[i] = operand.dim(i - offset) == 1 ? 0 : own[i - offset];
    }
    this.index = new int[rank];
  }

  /** Returns the operand's position read for flat position {@code flat} of the target. */
  public int offsetOf(int flat) {
    int off = 0;
    for (int d = rank - 1; d >= 0; d--) {
      off += flat % dims[d] * strides[d];
      flat /= dims[d];
    }
    return off;
  }

  /**
   * Copies the elements at flat positions [start, start + n) of the broadcast into {@code dst[0 ..
   * n)}.
   */
  public void read(double[] src, int start, int n, double[] dst) {
    int rem = start;
    int off = 0;
    for (int d = rank - 1; d >= 0; d--) {
      index[d] = rem % dims[d];
      rem /= dims[d];
      off += index[d] * strides[d];
    }
    int last = rank - 1;
    int step = strides[last];
    int width = dims[last];
    int i = 0;
    int end = n;
    while (i < end) {
      int run = Math.min(width - index[last], end - i);
      if (step == 0) {
        java.util.Arrays.fill(dst, i, i + run, src[off]);
      } else if (step == 1) {
        System.arraycopy(src, off, dst, i, run);
      } else {
        for (int j = 0; j < run; j++) {
          dst[i + j] = src[off + j * step];
        }
      }
      i += run;
      off += run * step;
      index[last] += run;
      if (index[last] == width) {
        off = carry(off - width * step);
      }
    }
  }

  /** Copies as {@link #read(double[], int, int, double[])} does, for float32 arrays. */
  public void read(float[] src, int start, int n, float[] dst) {
    int rem = start;
    int off = 0;
    for (int d = rank - 1; d >= 0; d--) {
      index[d] = rem % dims[d];
      rem /= dims[d];
      off += index[d] * strides[d];
    }
    int last = rank - 1;
    int step = strides[last];
    int width = dims[last];
    int i = 0;
    int end = n;
    while (i < end) {
      int run = Math.min(width - index[last], end - i);
      if (step == 0) {
        java.util.Arrays.fill(dst, i, i + run, src[off]);
      } else if (step == 1) {
        System.arraycopy(src, off, dst, i, run);
      } else {
        for (int j = 0; j < run; j++) {
          dst[i + j] = src[off + j * step];
        }
      }
      i += run;
      off += run * step;
      index[last] += run;
      if (index[last] == width) {
        off = carry(off - width * step);
      }
    }
  }

  private int carry(int off) {
    index[rank - 1] = 0;
    for (int d = rank - 2; d >= 0; d--) {
      index[d]++;
      off += strides[d];
      if (index[d] < dims[d]) {
        return off;
      }
      off -= strides[d] * dims[d];
      index[d] = 0;
    }
    return off;
  }
}
