package dev.chainrule.core.tensor;

/**
 * Formats tensors as nested brackets, eliding the middle of long dimensions, and numbers compactly.
 */
public final class TensorFormat {
  private static final int EDGE = 3;
  private static final int FULL_UP_TO = 8;

  private TensorFormat() {}

  /** Returns the tensor as nested brackets, as NumPy prints it. */
  public static String format(Tensor t) {
    StringBuilder sb = new StringBuilder();
    append(sb, t.toArray(), t.shape().dims(), 0, 0, t.shape().strides());
    return sb.toString();
  }

  private static void append(StringBuilder sb, double[] d, int[] dims, int axis, int off,
      int[] strides) {
    if (axis == dims.length) {
      sb.append(number(d[off]));
      return;
    }
    sb.append('[');
    int n = dims[axis];
    for (int i = 0; i < n; i++) {
      if (n > FULL_UP_TO && i == EDGE) {
        sb.append("…, ");
        i = n - EDGE;
      }
      append(sb, d, dims, axis + 1, off + i * strides[axis], strides);
      if (i < n - 1) {
        sb.append(", ");
      }
    }
    sb.append(']');
  }

  /** Formats a number with up to 9 significant digits and no trailing zeros: 0.5, 1e-07. */
  public static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s = String.format(java.util.Locale.ROOT, "%.9g", v);
    int e = s.indexOf('e');
    return e < 0 ? stripZeros(s) : stripZeros(s.substring(0, e)) + s.substring(e);
  }

  /** Drops trailing zeros after a decimal point, and the point itself when nothing follows. */
  private static String stripZeros(String s) {
    if (s.indexOf('.') < 0) {
      return s;
    }
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
