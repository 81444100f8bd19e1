package dev.chainrule.examples.compare;

import dev.chainrule.core.tensor.Shape;
import dev.chainrule.nn.manual.GradientComparison;
import dev.chainrule.nn.manual.GradientDiff;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints a {@link SeedComparison} as readable tables, or as one JSON object's map. */
public final class ComparisonPrinter {
  private static final String ROW = "  %-20s %-18s %-13s %-13s %s%n";

  private ComparisonPrinter() {}

  /** Prints the comparison: the network, one table per section, the pinned slips, the verdict. */
  public static void print(SeedComparison c, PrintStream out) {
    out.println(c.title());
    c.network().forEach(line -> out.println("  " + line));
    out.println(c.randomSeed() < 0 ? "  data and weights given by the caller"
        : "  random data and weights from seed " + c.randomSeed());
    for (ComparisonSection s : c.sections()) {
      out.println();
      out.println("autograd vs " + s.title());
      out.printf(Locale.ROOT, ROW, "gradient", "shape", "max abs diff", "rel to ‖∇‖∞",
          "verdict");
      for (GradientDiff d : s.gradients()) {
        out.printf(Locale.ROOT, ROW, d.name(), d.manualShape(), number(d.maxAbsDiff()),
            number(d.maxRelDiff()), d.verdict().label());
      }
    }
    out.println();
    out.println("pinned slips: the seed's formulas as written, against autograd");
    for (PinnedSlip p : c.slips()) {
      out.println();
      out.println("[seed " + p.id() + "] " + p.formula());
      out.printf(Locale.ROOT, ROW, "gradient", "shape", "max abs diff", "max rel diff",
          "outcome — evidence");
      for (PinnedSlip.Row r : p.rows()) {
        out.printf(Locale.ROOT, ROW, r.gradient(), r.shape(), number(r.maxAbsDiff()),
            number(r.maxRelDiff()), r.outcome().label() + " — " + r.evidence()
            + (r.explained() ? "" : " — NOT CONFIRMED"));
      }
      out.println("  cause: " + p.cause());
      out.println("  corrected: " + p.corrected());
    }
    out.println();
    out.printf(Locale.ROOT, "maxRelErrorVsManual = %s (corrected formulas, every gradient; "
        + "relative to the largest gradient element of each comparison; tolerance %s): %s%n",
        number(c.maxRelErrorVsManual()),
        number(GradientComparison.TOLERANCE), c.verified() ? "autograd and the formulas agree, "
            + "every slip explained" : "NOT VERIFIED");
  }

  /** Returns the comparison as a map of plain values for {@code Json.print}. */
  public static Map<String, Object> json(SeedComparison c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("example", c.example());
    m.put("randomSeed", c.randomSeed() < 0 ? null : c.randomSeed());
    m.put("maxRelErrorVsManual", finite(c.maxRelErrorVsManual()));
    m.put("tolerance", GradientComparison.TOLERANCE);
    m.put("verified", c.verified());
    List<Object> grads = new ArrayList<>();
    for (ComparisonSection s : c.sections()) {
      for (GradientDiff d : s.gradients()) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("section", s.title());
        g.put("name", d.name());
        g.put("shape", dims(d.manualShape()));
        g.put("maxAbsDiff", finite(d.maxAbsDiff()));
        g.put("maxRelDiff", finite(d.maxRelDiff()));
        g.put("verdict", d.verdict().label());
        grads.add(g);
      }
    }
    m.put("gradients", grads);
    List<Object> slips = new ArrayList<>();
    for (PinnedSlip p : c.slips()) {
      for (PinnedSlip.Row r : p.rows()) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("seedLine", p.id());
        s.put("formula", p.formula());
        s.put("gradient", r.gradient());
        s.put("shape", r.shape());
        s.put("outcome", r.outcome().label());
        s.put("maxAbsDiff", finite(r.maxAbsDiff()));
        s.put("maxRelDiff", finite(r.maxRelDiff()));
        s.put("evidence", r.evidence());
        s.put("explained", r.explained());
        s.put("cause", p.cause());
        s.put("corrected", p.corrected());
        slips.add(s);
      }
    }
    m.put("pinnedSlips", slips);
    return m;
  }

  private static List<Integer> dims(Shape s) {
    List<Integer> d = new ArrayList<>();
    for (int x : s.dims()) {
      d.add(x);
    }
    return d;
  }

  /** JSON has no NaN or infinity: such values (nothing to compare) become null. */
  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static String number(double v) {
    if (Double.isNaN(v)) {
      return "—";
    }
    return v == 0 ? "0" : String.format(Locale.ROOT, "%.2e", v);
  }
}
