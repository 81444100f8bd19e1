package dev.chainrule.core.graph.ops;

import dev.chainrule.core.tensor.Shape;
import java.util.Arrays;

/**
 * The shapes of squeeze and unsqueeze, which are {@link Reshape}s: removing axes of size 1, or
 * inserting one. NumPy's rules, with its errors: squeezing an axis whose size is not 1 fails.
 */
public final class SqueezeShapes {
  private SqueezeShapes() {}

  /**
   * Returns {@code shape} without the given axes (negative ones count from the end), or without
   * every axis of size 1 when none are given.
   *
   * @throws IllegalArgumentException naming the axis and its size when it is not 1
   */
  public static Shape squeezed(Shape shape, int... axes) {
    boolean[] drop = new boolean[shape.rank()];
    if (axes.length == 0) {
      for (int d = 0; d < drop.length; d++) {
        drop[d] = shape.dim(d) == 1;
      }
    }
    for (int axis : axes) {
      int d = shape.normalizeAxis(axis);
      if (shape.dim(d) != 1) {
        throw new IllegalArgumentException("cannot squeeze axis " + axis + " of shape " + shape
            + ": it has size " + shape.dim(d) + ", and only axes of size 1 can be removed");
      }
      drop[d] = true;
    }
    int[] kept = new int[shape.rank()];
    int n = 0;
    for (int d = 0; d < drop.length; d++) {
      if (!drop[d]) {
        kept[n++] = shape.dim(d);
      }
    }
    return Shape.of(Arrays.copyOf(kept, n));
  }

  /**
   * Returns {@code shape} with a new axis of size 1 at position {@code axis} of the result,
   * counting a negative axis from the end of the result (−1 appends one), as NumPy's
   * {@code expand_dims}.
   *
   * @throws IllegalArgumentException naming the axis when it is outside −(rank + 1)..rank
   */
  public static Shape unsqueezed(Shape shape, int axis) {
    int rank = shape.rank() + 1;
    int a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) {
      throw new IllegalArgumentException("cannot insert axis " + axis + " into shape " + shape
          + ": the new axis must be in " + -rank + ".." + (rank - 1));
    }
    int[] dims = new int[rank];
    for (int d = 0, src = 0; d < rank; d++) {
      dims[d] = d == a ? 1 : shape.dim(src++);
    }
    return Shape.of(dims);
  }
}
