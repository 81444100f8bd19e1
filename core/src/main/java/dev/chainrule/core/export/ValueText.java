package dev.chainrule.core.export;

import dev.chainrule.core.export.ExportOptions.ValueDisplay;
import dev.chainrule.core.tensor.FiniteStatistics;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A tensor as the few short lines a node label has room for: small tensors in full (a scalar as
 * {@code = 0.5}, a matrix as one bracketed line per row), bigger ones as mean, standard deviation,
 * minimum and maximum, and a warning line when some elements are NaN or infinite.
 *
 * @param lines the lines, plain text
 * @param alarming true when the tensor holds NaN or infinite elements
 */
record ValueText(List<String> lines, boolean alarming) {
  private static final int MAX_ROWS = 4;

  /** Describes {@code t} as {@code display} asks, prefixing the first line with {@code prefix}. */
  static ValueText of(Tensor t, ValueDisplay display, int maxElements, String prefix) {
    double[] d = t.toArray();
    int nan = 0;
    int inf = 0;
    for (double v : d) {
      nan += Double.isNaN(v) ? 1 : 0;
      inf += Double.isInfinite(v) ? 1 : 0;
    }
    List<String> lines = new ArrayList<>();
    int[] dims = t.shape().dims();
    boolean full = display == ValueDisplay.VALUES && d.length <= maxElements
        && (dims.length <= 1 || dims.length == 2 && dims[0] <= MAX_ROWS || d.length == 1);
    if (d.length == 0) {
      lines.add("no elements");
    } else if (full) {
      fullValues(d, dims, lines);
    } else if (nan + inf < d.length) {
      statistics(d, lines);
    }
    if (nan + inf > 0) {
      lines.add((nan > 0 ? nan + " NaN" : "") + (nan > 0 && inf > 0 ? ", " : "")
          + (inf > 0 ? inf + " infinite" : "") + " of " + d.length);
    }
    lines.set(0, prefix + lines.get(0));
    return new ValueText(List.copyOf(lines), nan + inf > 0);
  }

  private static void fullValues(double[] d, int[] dims, List<String> lines) {
    if (d.length == 1) {
      lines.add("= " + number(d[0]));
      return;
    }
    int rows = dims.length == 2 ? dims[0] : 1;
    int cols = d.length / rows;
    for (int r = 0; r < rows; r++) {
      StringBuilder sb = new StringBuilder("[");
      for (int c = 0; c < cols; c++) {
        sb.append(c == 0 ? "" : ", ").append(number(d[r * cols + c]));
      }
      lines.add(sb.append(']').toString());
    }
  }

  private static void statistics(double[] d, List<String> lines) {
    FiniteStatistics s = FiniteStatistics.of(d);
    double mean = roundoffToZero(s.mean(), Math.max(Math.abs(s.min()), Math.abs(s.max())));
    lines.add("mean " + number(mean) + ", sd " + number(s.sd(d, mean)));
    lines.add("min " + number(s.min()) + ", max " + number(s.max()));
  }

  /**
   * Returns 0 for a mean that is rounding noise next to the values it averages (a softmax
   * gradient's mean is exactly 0 in exact arithmetic), so the picture does not depend on the
   * summation order of the kernel that produced the values.
   */
  private static double roundoffToZero(double mean, double scale) {
    return Math.abs(mean) <= 1e-12 * scale ? 0.0 : mean;
  }

  /**
   * Formats a value with 5 significant digits, dropping trailing zeros, with a typographic minus:
   * few enough digits that a picture stays the same when the last bits of a computation change.
   */
  static String number(double v) {
    return v < 0 ? "\u2212" + magnitude(-v) : magnitude(v);
  }

  private static String magnitude(double v) {
    if (v == 0) {
      return "0";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e6) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.5g", v);
    int e = s.indexOf('e');
    String mantissa = e < 0 ? s : s.substring(0, e);
    String exponent = e < 0 ? "" : s.substring(e);
    if (mantissa.contains(".")) {
      mantissa = mantissa.replaceAll("0+$", "");
      mantissa = mantissa.endsWith(".") ? mantissa.substring(0, mantissa.length() - 1) : mantissa;
    }
    return mantissa + exponent;
  }
}
