package dev.chainrule.core.graph.ops;

import dev.chainrule.core.tensor.Shape;
import java.util.Arrays;
import java.util.TreeSet;

/** Normalises the axes of a reduction: negatives counted from the end, sorted, none = all. */
public final class Axes {
  private Axes() {}

  /** Returns the sorted, distinct, non-negative axes of {@code shape} that {@code axes} names. */
  public static int[] normalize(Shape shape, int... axes) {
    if (axes.length == 0) {
      int[] all = new int[shape.rank()];
      Arrays.setAll(all, i -> i);
      return all;
    }
    TreeSet<Integer> set = new TreeSet<>();
    for (int a : axes) {
      set.add(shape.normalizeAxis(a));
    }
    return set.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Returns how many input elements one output element of the reduction combines. */
  public static int count(Shape shape, int[] axes) {
    int n = 1;
    for (int a : axes) {
      n *= shape.dim(a);
    }
    return n;
  }

  /** Returns the axes as written in labels, e.g. {@code axis=1 keep} or {@code axes=[0, 1]}. */
  public static String label(int[] axes, boolean keepDims) {
    String keep = keepDims ? " keep" : "";
    return (axes.length == 1 ? "axis=" + axes[0] : "axes=" + Arrays.toString(axes)) + keep;
  }
}
