package dev.chainrule.core.graph.ops;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.Arrays;

/**
 * Index arithmetic shared by the structural operations along one axis (gather, scatter-add,
 * concat, split, stack): a tensor seen as (outer, axis, inner) blocks, and integer indices stored
 * as doubles or floats, checked one by one with errors that name the index, the size and the
 * user's line.
 */
final class AxisBlocks {
  private AxisBlocks() {}

  /** Returns the product of the dimensions of {@code s} before {@code axis}. */
  static int outer(Shape s, int axis) {
    int n = 1;
    for (int i = 0; i < axis; i++) {
      n *= s.dim(i);
    }
    return n;
  }

  /** Returns the product of the dimensions of {@code s} from {@code from} on. */
  static int inner(Shape s, int from) {
    int n = 1;
    for (int i = from; i < s.rank(); i++) {
      n *= s.dim(i);
    }
    return n;
  }

  /** Returns dims[0, from) of {@code s}, then {@code middle}, then dims[to, rank) of {@code s}. */
  static Shape replace(Shape s, int from, int to, int... middle) {
    int[] d = s.dims();
    int[] out = new int[from + middle.length + d.length - to];
    System.arraycopy(d, 0, out, 0, from);
    System.arraycopy(middle, 0, out, from, middle.length);
    System.arraycopy(d, to, out, from + middle.length, d.length - to);
    return Shape.of(out);
  }

  /** Throws unless {@code axis} is an axis of {@code s}, naming both. */
  static void requireAxis(Shape s, int axis, String what) {
    if (axis < 0 || axis >= s.rank()) {
      throw new IllegalArgumentException(what + " along axis " + axis + " needs a tensor with "
          + "that axis, got shape " + s + " of rank " + s.rank());
    }
  }

  /**
   * Returns the index stored at flat position {@code position} of {@code indices} (of either
   * dtype; a float holds every whole number up to 2²⁴ exactly) as an int, or throws naming the
   * value, its position, the size it must fit and {@code origin}, the user's operation and line.
   */
  static int index(Tensor indices, int position, int size, String origin) {
    double v = indices.dtype() == DType.FLOAT32 ? indices.floatBuffer()[position]
        : indices.buffer()[position];
    Shape indexShape = indices.shape();
    int j = (int) v;
    if (j != v || j < 0 || j >= size) {
      String why = j != v ? "is not a whole number" : "is out of range for an axis of size " + size
          + " (valid indices are 0 to " + (size - 1) + ")";
      throw new IndexOutOfBoundsException("index " + (Double.isFinite(v) && v == Math.rint(v)
          ? Long.toString((long) v) : Double.toString(v)) + " at position "
          + Arrays.toString(unflatten(position, indexShape)) + " of the indices " + indexShape
          + " " + why + (origin == null ? "" : "; in " + origin));
    }
    return j;
  }

  private static int[] unflatten(int position, Shape s) {
    int[] at = new int[s.rank()];
    int rest = position;
    for (int i = s.rank() - 1; i >= 0; i--) {
      at[i] = rest % s.dim(i);
      rest /= s.dim(i);
    }
    return at;
  }

  /** A move of one block between a table and the tensor of the slices a gather picks from it. */
  @FunctionalInterface
  interface BlockMove {
    /** Moves the block at {@code tableOffset} of the table, {@code pickedOffset} of the picks. */
    void move(int tableOffset, int pickedOffset);
  }

  /**
   * Calls {@code move} for every block a gather along an axis picks, the table seen as (outer,
   * size, inner) blocks and the picks as (outer, k, inner) for the k positions of {@code indices}:
   * for each position p in order, its index j checked by {@link #index}, and each outer block o,
   * with the offsets (o·size + j)·inner in the table and (o·k + p)·inner in the picks.
   */
  static void forEachPick(Tensor indices, int outer, int size, int inner, String origin,
      BlockMove move) {
    int k = indices.size();
    for (int p = 0; p < k; p++) {
      int j = index(indices, p, size, origin);
      for (int o = 0; o < outer; o++) {
        move.move((o * size + j) * inner, (o * k + p) * inner);
      }
    }
  }

  /**
   * Returns the live storage of {@code t}, {@code double[]} or {@code float[]} by its dtype, for
   * the kernels that only move elements with {@code System.arraycopy}, which copies either.
   */
  static Object storage(Tensor t) {
    return t.dtype() == DType.FLOAT32 ? t.floatBuffer() : t.buffer();
  }

  /**
   * Copies every element of {@code in} into {@code out} in row-major order, in either dtype (both
   * tensors of the same one): the whole kernel of the operations that only relabel a tensor's
   * shape ({@link Identity}, {@link Reshape}), which need equal sizes, not equal shapes.
   */
  static void copyFlat(Tensor in, Tensor out) {
    System.arraycopy(storage(in), 0, storage(out), 0, out.size());
  }

  /**
   * Adds the {@code length} elements of {@code src} from {@code from} on to those of {@code dst}
   * from {@code to} on, in the arrays' one precision (both from {@link #storage}).
   */
  static void addBlock(Object src, int from, Object dst, int to, int length) {
    if (dst instanceof float[] d) {
      float[] s = (float[]) src;
      for (int i = 0; i < length; i++) {
        d[to + i] += s[from + i];
      }
      return;
    }
    double[] d = (double[]) dst;
    double[] s = (double[]) src;
    for (int i = 0; i < length; i++) {
      d[to + i] += s[from + i];
    }
  }
}
