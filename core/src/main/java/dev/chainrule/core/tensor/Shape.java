package dev.chainrule.core.tensor;

import java.util.Arrays;

/**
 * The dimensions of a tensor: an immutable list of non-negative sizes, of any rank from 0 (a
 * scalar) upward, with NumPy's broadcasting rules.
 */
public final class Shape {
  private static final Shape SCALAR = new Shape(new int[0]);

  private final int[] dims;
  private final int size;

  private Shape(int[] dims) {
    this.dims = dims;
    long n = 1;
    for (int d : dims) {
      n *= d;
    }
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("shape " + format(dims) + " has " + n
          + " elements, more than a Java array can hold (" + Integer.MAX_VALUE + ")");
    }
    this.size = (int) n;
  }

  /** Returns the shape with the given dimensions; throws if any dimension is negative. */
  public static Shape of(int... dims) {
    if (dims.length == 0) {
      return SCALAR;
    }
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] < 0) {
        throw new IllegalArgumentException("dimension " + i + " of shape " + format(dims)
            + " is negative; every dimension must be 0 or more");
      }
    }
    return new Shape(dims.clone());
  }

  /** Returns the shape of a rank-0 tensor (a scalar), which holds exactly one element. */
  public static Shape scalar() {
    return SCALAR;
  }

  /** Returns the number of dimensions (0 for a scalar). */
  public int rank() {
    return dims.length;
  }

  /** Returns the number of elements, the product of the dimensions (1 for a scalar). */
  public int size() {
    return size;
  }

  /** Returns the size of dimension {@code axis}; a negative axis counts from the end. */
  public int dim(int axis) {
    return dims[normalizeAxis(axis)];
  }

  /** Returns a copy of the dimensions. */
  public int[] dims() {
    return dims.clone();
  }

  /** Returns true for a rank-0 shape. */
  public boolean isScalar() {
    return dims.length == 0;
  }

  /** Returns true for a rank-2 shape. */
  public boolean isMatrix() {
    return dims.length == 2;
  }

  /**
   * Returns true when at most one axis is longer than 1: a scalar, a vector (k,), a row (1, k) or
   * a column (k, 1), whose elements read the same in any of these shapes.
   */
  public boolean isVectorLike() {
    int longer = 0;
    for (int d : dims) {
      longer += d != 1 ? 1 : 0;
    }
    return longer <= 1;
  }

  /**
   * Returns {@code axis} as a non-negative index, counting a negative axis from the end; throws
   * when the axis does not exist in this shape.
   */
  public int normalizeAxis(int axis) {
    int a = axis < 0 ? axis + dims.length : axis;
    if (a < 0 || a >= dims.length) {
      throw new IllegalArgumentException("axis " + axis + " does not exist in shape " + this
          + " of rank " + dims.length);
    }
    return a;
  }

  /** Returns the row-major strides: how many elements one step along each axis skips. */
  public int[] strides() {
    int[] s = new int[dims.length];
    int stride = 1;
    for (int i = dims.length - 1; i >= 0; i--) {
      s[i] = stride;
      stride *= dims[i];
    }
    return s;
  }

  /**
   * Returns the shape that NumPy's broadcasting gives two operands of these shapes, or null when
   * they do not broadcast (a dimension pair that differs and neither is 1).
   */
  public static Shape broadcastOrNull(Shape a, Shape b) {
    if (a == b) {
      return a;
    }
    int rank = Math.max(a.rank(), b.rank());
    int[] out = new int[rank];
    for (int i = 0; i < rank; i++) {
      int da = i < rank - a.rank() ? 1 : a.dims[i - (rank - a.rank())];
      int db = i < rank - b.rank() ? 1 : b.dims[i - (rank - b.rank())];
      if (da == db || db == 1) {
        out[i] = da;
      } else if (da == 1) {
        out[i] = db;
      } else {
        return null;
      }
    }
    return Arrays.equals(out, a.dims) ? a : Arrays.equals(out, b.dims) ? b : of(out);
  }

  /** Returns true when a tensor of this shape can be broadcast to {@code target}. */
  public boolean broadcastsTo(Shape target) {
    if (rank() > target.rank()) {
      return false;
    }
    int offset = target.rank() - rank();
    for (int i = 0; i < rank(); i++) {
      if (dims[i] != 1 && dims[i] != target.dims[i + offset]) {
        return false;
      }
    }
    return true;
  }

  /** Returns this shape with the given axes set to 1 (keep-dims) or removed. */
  public Shape reduce(int[] axes, boolean keepDims) {
    boolean[] reduced = new boolean[dims.length];
    for (int axis : axes) {
      reduced[normalizeAxis(axis)] = true;
    }
    int[] out = new int[keepDims ? dims.length : dims.length - countTrue(reduced)];
    int j = 0;
    for (int i = 0; i < dims.length; i++) {
      if (!reduced[i]) {
        out[j++] = dims[i];
      } else if (keepDims) {
        out[j++] = 1;
      }
    }
    return of(out);
  }

  private static int countTrue(boolean[] flags) {
    int n = 0;
    for (boolean f : flags) {
      n += f ? 1 : 0;
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shape && Arrays.equals(dims, ((Shape) o).dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  /** Returns the shape as NumPy prints it, e.g. {@code (3, 4)}, {@code (5,)} or {@code ()}. */
  @Override
  public String toString() {
    return format(dims);
  }

  private static String format(int[] dims) {
    if (dims.length == 1) {
      return "(" + dims[0] + ",)";
    }
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < dims.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(dims[i]);
    }
    return sb.append(')').toString();
  }
}
