package dev.chainrule.core.tensor;

/**
 * A strided window into a larger tensor: along each axis, {@code count} positions starting at
 * {@code start} and {@code step} apart (a negative step walks backwards). It lists, once, where
 * each window element lives in the larger tensor, so that a slice gathers through it and a pad
 * scatters through it.
 */
public final class Window {
  private final int[] offsets;

  /**
   * Prepares the window of {@code counts} positions per axis, from {@code starts}, {@code steps}
   * apart, inside a tensor of shape {@code outer}; every position must lie inside {@code outer}.
   */
  public Window(Shape outer, int[] starts, int[] steps, int[] counts) {
    int rank = outer.rank();
    int[] strides = outer.strides();
    int size = 1;
    int base = 0;
    for (int d = 0; d < rank; d++) {
      size *= counts[d];
      base += starts[d] * strides[d];
    }
    offsets = new int[size];
    int[] index = new int[rank];
    int off = base;
    for (int i = 0; i < size; i++) {
      offsets[i] = off;
      for (int d = rank - 1; d >= 0; d--) {
        off += steps[d] * strides[d];
        if (++index[d] < counts[d]) {
          break;
        }
        off -= steps[d] * strides[d] * index[d];
        index[d] = 0;
      }
    }
  }

  /** Writes the window's elements of {@code outer} into {@code window}, in row-major order. */
  public void gather(double[] outer, double[] window) {
    for (int i = 0; i < offsets.length; i++) {
      window[i] = outer[offsets[i]];
    }
  }

  /**
   * Fills {@code outer} with {@code fill} and writes {@code window}'s elements at the window's
   * positions; modifies {@code outer}.
   */
  public void scatter(double[] window, double fill, double[] outer) {
    java.util.Arrays.fill(outer, fill);
    for (int i = 0; i < offsets.length; i++) {
      outer[offsets[i]] = window[i];
    }
  }

  /**
   * Writes the window's elements of {@code outer} into {@code window}, of either dtype (both one).
   */
  public void gather(Tensor outer, Tensor window) {
    if (window.dtype() == DType.FLOAT32) {
      float[] o = outer.floatBuffer();
      float[] w = window.floatBuffer();
      for (int i = 0; i < offsets.length; i++) {
        w[i] = o[offsets[i]];
      }
    } else {
      gather(outer.buffer(), window.buffer());
    }
  }

  /**
   * Fills {@code outer} with {@code fill} (rounded to its dtype) and writes {@code window}'s
   * elements at the window's positions, for either dtype; modifies {@code outer}.
   */
  public void scatter(Tensor window, double fill, Tensor outer) {
    if (outer.dtype() == DType.FLOAT32) {
      float[] o = outer.floatBuffer();
      float[] w = window.floatBuffer();
      java.util.Arrays.fill(o, (float) fill);
      for (int i = 0; i < offsets.length; i++) {
        o[offsets[i]] = w[i];
      }
    } else {
      scatter(window.buffer(), fill, outer.buffer());
    }
  }
}
