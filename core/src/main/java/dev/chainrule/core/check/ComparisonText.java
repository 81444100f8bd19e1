package dev.chainrule.core.check;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Writes a {@link FormulaComparison} as a few aligned lines of text. */
final class ComparisonText {
  private ComparisonText() {}

  static String render(FormulaComparison.Parts p, FormulaComparison c) {
    StringBuilder sb = new StringBuilder();
    sb.append("∂").append(p.loss()).append("/∂").append(p.wrt()).append(" — ")
        .append(p.formula()).append('\n');
    line(sb, "verdict", verdict(p, c));
    line(sb, "shapes", "autograd " + p.autograd().shape() + ", manual "
        + (p.manual() == null ? "—" : p.manual().shape().toString()));
    if (c.worstIndex() != null) {
      int[] at = c.worstIndex();
      int flat = Errors.worst(p.manual(), p.autograd());
      line(sb, "manual vs autograd", String.format(Locale.ROOT,
          "max abs error %.3g, max rel error %.3g, largest at %s", c.maxAbsoluteError(),
          c.maxRelativeError(), index(at)));
      line(sb, "at " + index(at), "autograd " + num(p.autograd().buffer()[flat]) + ", manual "
          + num(p.manual().buffer()[flat]) + (p.numeric() == null ? ""
          : ", finite differences " + num(p.numeric().buffer()[flat])));
    }
    if (c.constantFactor() != null) {
      line(sb, "factor", "manual = " + num(c.constantFactor()) + " × autograd at every element");
    }
    if (c.isTransposed()) {
      line(sb, "transpose", "the manual value is the transpose of the autograd gradient");
    }
    if (p.numeric() != null) {
      line(sb, "autograd vs FD", String.format(Locale.ROOT,
          "max abs error %.3g (central differences, h = %s)", Errors.maxAbs(p.autograd(),
              p.numeric()), sci(GradCheck.DEFAULT_STEP)));
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
      case AGREES:
        return String.format(Locale.ROOT, "AGREES (max error %.3g of the gradient's size %.3g; "
            + "tolerance %s)", c.maxAbsoluteError(), Errors.scale(p.autograd(), p.manual()),
            sci(p.tolerance()));
      default:
        return String.format(Locale.ROOT, "DIFFERS (max error %.3g of the gradient's size %.3g; "
            + "tolerance %s)", c.maxAbsoluteError(), Errors.scale(p.autograd(), p.manual()),
            sci(p.tolerance()));
    }
  }

  private static void line(StringBuilder sb, String label, String text) {
    sb.append(String.format(Locale.ROOT, "  %-20s %s%n", label + ":", text));
  }

  private static String index(int[] at) {
    return "(" + Arrays.stream(at).mapToObj(Integer::toString).collect(Collectors.joining(", "))
        + ")";
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
