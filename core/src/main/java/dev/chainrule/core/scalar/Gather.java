package dev.chainrule.core.scalar;

import dev.chainrule.core.tensor.Shape;

/**
 * Reads a run of elements of a broadcast operand as they appear in the row-major order of a larger
 * shape: the strides of the operand seen from the larger shape are 0 along every broadcast axis.
 * Neighbouring axes that the operand is read along alike are merged first (both broadcast, or the
 * outer one stepping over the whole inner one), so that a run is as long as it can be: a
 * per-channel (1, c, 1, 1) operand of an (n, c, h, w) loop is read in runs of h·w, not of w. It
 * keeps a scratch index, so one instance serves one thread.
 */
public final class Gather {
  private final int rank;
  private final int[] dims;
  private final int[] strides;
  private final int[] index;

  /** Prepares reads of an operand of shape {@code operand} broadcast to {@code target}. */
  public Gather(Shape operand, Shape target) {
    int full = target.rank();
    int[] targetStrides = new int[full];
    int offset = full - operand.rank();
    int[] own = operand.strides();
    for (int i = offset; i < full; i++) {
      targetStrides[i] = operand.dim(i - offset) == 1 ? 0 : own[i - offset];
    }
    int[][] merged = merged(target.dims(), targetStrides);
    this.dims = merged[0];
    this.strides = merged[1];
    this.rank = dims.length;
    this.index = new int[rank];
  }

  /**
   * Returns the axes {@code dims} with the operand's {@code strides} merged, outermost first: axes
   * of length 1 dropped, and an axis joined to the one inside it when its stride is that axis's
   * stride times its length (0 when both are broadcast); at least one axis.
   */
  private static int[][] merged(int[] dims, int[] strides) {
    int[] d = new int[Math.max(1, dims.length)];
    int[] s = new int[d.length];
    int axes = 0;
    for (int i = dims.length - 1; i >= 0; i--) {
      if (dims[i] == 1) {
        continue;
      }
      if (axes > 0 && strides[i] == s[axes - 1] * d[axes - 1]) {
        d[axes - 1] *= dims[i];
      } else {
        d[axes] = dims[i];
        s[axes] = strides[i];
        axes++;
      }
    }
    if (axes == 0) {
      d[0] = 1;
      axes = 1;
    }
    int[][] out = new int[2][axes];
    for (int k = 0; k < axes; k++) {
      out[0][k] = d[axes - 1 - k];
      out[1][k] = s[axes - 1 - k];
    }
    return out;
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
