package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Shape;
import java.util.Arrays;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The axes a reduction ({@link Sum}, {@link Mean}, {@link Max}) combines and whether they stay as
 * dimensions of size 1: an immutable value, its axes sorted, distinct and non-negative, with
 * value equality, so that the reductions are plain records of one. Made by {@link #of}, which
 * counts negative axes from the end and reads no axes as all of them.
 */
public final class Axes {
  private final int[] axes;
  private final boolean keepDims;

  private Axes(int[] axes, boolean keepDims) {
    this.axes = axes;
    this.keepDims = keepDims;
  }

  /**
   * Returns the axes of {@code shape} that {@code axes} names: negative ones count from the end,
   * and none means every axis.
   *
   * @throws IllegalArgumentException naming the axis and the shape when an axis does not exist,
   *     or naming both spellings when one axis is named twice (as NumPy refuses it: reducing an
   *     axis twice is a slip, not a request)
   */
  public static Axes of(Shape shape, boolean keepDims, int... axes) {
    if (axes.length == 0) {
      int[] all = new int[shape.rank()];
      Arrays.setAll(all, i -> i);
      return new Axes(all, keepDims);
    }
    TreeSet<Integer> set = new TreeSet<>();
    for (int i = 0; i < axes.length; i++) {
      if (!set.add(shape.normalizeAxis(axes[i]))) {
        throw new IllegalArgumentException("axes " + Arrays.toString(axes) + " name axis "
            + shape.normalizeAxis(axes[i]) + " of shape " + shape + " twice; name each axis "
            + "once");
      }
    }
    return new Axes(set.stream().mapToInt(Integer::intValue).toArray(), keepDims);
  }

  /**
   * Returns {@code axis} itself when it is an axis of {@code shape} counted from 0, the form an
   * operation along one axis holds.
   *
   * @throws IllegalArgumentException naming the axis and the shape otherwise
   */
  public static int checkAxis(Shape shape, int axis) {
    if (axis < 0 || axis >= shape.rank()) {
      throw new IllegalArgumentException("axis " + axis + " does not exist in shape " + shape
          + " of rank " + shape.rank() + (axis < 0 ? "; an operation holds its axis counted "
          + "from 0 (the methods of Node count negative axes from the end)" : ""));
    }
    return axis;
  }

  /** Returns the axes in increasing order, a copy. */
  public int[] toArray() {
    return axes.clone();
  }

  /** Returns the axes themselves, not copied, for the reductions' kernels; never modify them. */
  int[] array() {
    return axes;
  }

  /** Returns how many axes there are. */
  public int size() {
    return axes.length;
  }

  /** Returns the {@code i}-th smallest axis. */
  public int get(int i) {
    return axes[i];
  }

  /** Returns true when {@code axis} is one of the axes. */
  public boolean contains(int axis) {
    return Arrays.binarySearch(axes, axis) >= 0;
  }

  /** Returns whether the reduced axes stay as dimensions of size 1. */
  public boolean keepDims() {
    return keepDims;
  }

  /** Returns these axes with the reduced ones kept as dimensions of size 1. */
  public Axes keepingDims() {
    return keepDims ? this : new Axes(axes, true);
  }

  /**
   * Returns the shape of the reduction of an {@code input} of this shape.
   *
   * @throws IllegalArgumentException naming the axis and the shape when an axis does not exist
   */
  public Shape reduce(Shape input) {
    if (axes.length > 0) {
      checkAxis(input, axes[axes.length - 1]);
    }
    return input.reduce(axes, keepDims);
  }

  /**
   * Returns true when {@code axis} is the only axis of {@code shape} longer than 1, so that an
   * operation along it needs no axis written: a softmax of a column along its rows.
   */
  public static boolean isOnlyLongAxis(Shape shape, int axis) {
    for (int d = 0; d < shape.rank(); d++) {
      if ((d == axis) != (shape.dim(d) > 1)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns true when these axes are every axis of {@code input} longer than 1, so that a
   * reduction over them reduces everything and needs no axes written (whatever stays of size 1).
   */
  public boolean coverEveryLongAxis(Shape input) {
    for (int d = 0; d < input.rank(); d++) {
      if (input.dim(d) > 1 && Arrays.binarySearch(axes, d) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Returns the shape of the reduction of {@code input} with the reduced axes kept as size 1. */
  public Shape kept(Shape input) {
    return input.reduce(axes, true);
  }

  /**
   * Returns {@code reduced}, a node of the shape of this reduction of an input of shape {@code
   * input} (its gradient, or the reduction itself), with the reduced axes as dimensions of size 1:
   * itself when they are kept already, else reshaped, so that it broadcasts against the input.
   */
  Node withKeptDims(Node reduced, Shape input) {
    Shape kept = kept(input);
    return reduced.shape().equals(kept) ? reduced : reduced.reshape(kept.dims());
  }

  /** Returns how many elements of {@code input} one element of the reduction combines. */
  public int count(Shape input) {
    int n = 1;
    for (int a : axes) {
      n *= input.dim(a);
    }
    return n;
  }

  /** Returns the axes as pictures label them, e.g. {@code axis=1 keep} or {@code axes=[0, 1]}. */
  public String label() {
    return (axes.length == 1 ? "axis=" + axes[0] : "axes=" + Arrays.toString(axes))
        + (keepDims ? " keep" : "");
  }

  /** Returns the axes as formulas write them, e.g. {@code axis=1, keepdims} or {@code axes=0,1}. */
  public String formulaLabel() {
    String list = Arrays.stream(axes).mapToObj(Integer::toString).collect(Collectors.joining(","));
    return (axes.length == 1 ? "axis=" : "axes=") + list + (keepDims ? ", keepdims" : "");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Axes other && keepDims == other.keepDims
        && Arrays.equals(axes, other.axes);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(axes) + Boolean.hashCode(keepDims);
  }

  /** Returns the axes and whether they are kept, e.g. {@code [0, 1] keep}. */
  @Override
  public String toString() {
    return Arrays.toString(axes) + (keepDims ? " keep" : "");
  }
}
