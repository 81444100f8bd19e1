package dev.chainrule.nn.data;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;

/**
 * Copies runs of elements between tensors of either dtype, for datasets, batches and inference:
 * between tensors of one dtype a plain array copy, from float64 to float32 each value rounded to
 * the nearest float, from float32 to float64 exactly.
 */
public final class Elements {
  private Elements() {}

  /**
   * Copies {@code length} elements of {@code from} starting at flat position {@code fromOffset}
   * into {@code to} (modified) starting at {@code toOffset}, converting to {@code to}'s dtype.
   */
  public static void copy(Tensor from, int fromOffset, Tensor to, int toOffset, int length) {
    if (from.dtype() == to.dtype()) {
      System.arraycopy(storage(from), fromOffset, storage(to), toOffset, length);
    } else if (to.dtype() == DType.FLOAT32) {
      double[] src = from.buffer();
      float[] dst = to.floatBuffer();
      for (int k = 0; k < length; k++) {
        dst[toOffset + k] = (float) src[fromOffset + k];
      }
    } else {
      float[] src = from.floatBuffer();
      double[] dst = to.buffer();
      for (int k = 0; k < length; k++) {
        dst[toOffset + k] = src[fromOffset + k];
      }
    }
  }

  /**
   * Returns {@code t}'s elements as doubles: the live storage of a float64 tensor (not to be
   * modified), a widened copy of a float32 one.
   */
  public static double[] doubles(Tensor t) {
    return t.dtype() == DType.FLOAT64 ? t.buffer() : t.toArray();
  }

  private static Object storage(Tensor t) {
    return t.dtype() == DType.FLOAT32 ? t.floatBuffer() : t.buffer();
  }
}
