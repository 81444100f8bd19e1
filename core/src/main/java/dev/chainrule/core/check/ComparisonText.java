package dev.chainrule.core.check;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Writes a {@link FormulaComparison} as a few aligned lines of text. */
final class ComparisonText {
  private ComparisonText() {}

  static String render(FormulaComparison.Parts p, FormulaComparison c) {
    StringBuilder sb = new StringBuilder();
    sb.append(p.derivative()).append(" — ").append(p.formula()).append('\n');
    line(sb, "verdict", verdict(p, c));
    line(sb, "shapes", "autograd " + p.autograd().shape() + ", manual "
        + (p.manual() == null ? "—" : p.manual().shape().toString()));
    NonFinite n = c.nonFinite();
    if (c.worstIndex() != null && p.autograd().size() == 1) {
      if (n == null) {
        line(sb, "manual vs autograd", "abs error " + err(c.maxAbsoluteError()) + ", rel error "
            + err(c.maxRelativeError()));
      }
      line(sb, "values", values(p, 0));
    } else if (c.worstIndex() != null) {
      int[] at = c.worstIndex();
      int flat = Errors.worst(p.manual(), p.autograd());
      String finite = "max abs error " + err(Errors.maxAbsFinite(p.manual(), p.autograd()))
          + ", max rel error " + err(Errors.maxRelFinite(p.manual(), p.autograd()));
      line(sb, "manual vs autograd", n == null ? finite + ", largest at " + index(at)
          : (n.allNaN() ? "NaN" : "not finite") + " at " + n.count() + " of "
              + p.autograd().size() + " elements, first at " + index(at) + "; elsewhere "
              + finite);
      line(sb, "at " + index(at), values(p, flat));
    }
    if (c.constantFactor() != null && p.autograd().size() > 1) {
      line(sb, "factor", "manual = " + factor(c.constantFactor()) + " × autograd at every element"
          + (c.agreesPerSample() ? " (m: manual is the gradient of Σᵢ L⁽ⁱ⁾ = m·J)" : ""));
    } else if (c.constantFactor() != null) {
      line(sb, "ratio", "manual = " + factor(c.constantFactor()) + " × autograd");
    }
    if (c.isTransposed()) {
      line(sb, "transpose", "the manual value is the transpose of the autograd gradient");
    }
    if (p.numeric() != null) {
      line(sb, "autograd vs FD", "max abs error " + err(Errors.maxAbs(p.autograd(), p.numeric()))
          + " (central differences" + (p.quantity().equals("gradient") ? ""
          : " of the gradient") + ", h = " + sci(GradCheck.DEFAULT_STEP) + ")");
    }
    if (p.built() != null) {
      line(sb, "built as", p.built());
    }
    return sb.toString();
  }

  private static String verdict(FormulaComparison.Parts p, FormulaComparison c) {
    switch (p.verdict()) {
      case SHAPE_MISMATCH:
        return "SHAPE_MISMATCH — " + p.message();
      default:
        NonFinite n = c.nonFinite();
        String where = n == null ? "" : n.describe(p.autograd().size(),
            index(c.worstIndex())) + "; elsewhere ";
        String verdict = c.agreesPerSample() ? "AGREES per sample; DIFFERS from the batch "
            + "gradient by the factor m = " + c.samples() : p.verdict().toString();
        return verdict + " (" + where + "max error " + err(Errors.maxAbsFinite(p.manual(),
            p.autograd())) + " against a " + p.quantity() + " of size "
            + err(Errors.scale(p.autograd(), p.manual())) + "; tolerance " + sci(p.tolerance())
            + " of its size)";
    }
  }

  private static String values(FormulaComparison.Parts p, int flat) {
    return "autograd " + num(p.autograd().buffer()[flat]) + ", manual "
        + num(p.manual().buffer()[flat]) + (p.numeric() == null ? ""
        : ", finite differences " + num(p.numeric().buffer()[flat]));
  }

  /** Formats an error with three significant digits; exactly 0 as 0. */
  private static String err(double v) {
    return v == 0 ? "0" : String.format(Locale.ROOT, "%.3g", v);
  }

  private static void line(StringBuilder sb, String label, String text) {
    sb.append(String.format(Locale.ROOT, "  %-20s %s%n", label + ":", text));
  }

  private static String index(int[] at) {
    return "(" + Arrays.stream(at).mapToObj(Integer::toString).collect(Collectors.joining(", "))
        + ")";
  }

  /**
   * Formats a factor, writing one that is the reciprocal of a whole number as that fraction too,
   * e.g. {@code 1/7 (0.142857143)}: the seeds' slips are factors of 1/m.
   */
  static String factor(double f) {
    double k = Math.rint(1 / f);
    if (Math.abs(f) < 1 && Math.abs(k) >= 2 && Math.abs(k) <= 1e6
        && Math.abs(1 / f - k) <= 1e-9 * Math.abs(k)) {
      return (k < 0 ? "-" : "") + "1/" + (long) Math.abs(k) + " (" + num(f) + ")";
    }
    return num(f);
  }

  static String num(double v) {
    return dev.chainrule.core.tensor.TensorFormat.number(v);
  }

  /** Formats a small positive number such as a tolerance: 1e-8, 2.5e-6. */
  static String sci(double v) {
    String[] parts = String.format(Locale.ROOT, "%.2e", v).split("e");
    String mantissa = parts[0].replaceAll("\\.?0+$", "");
    return mantissa + "e" + Integer.parseInt(parts[1]);
  }
}
