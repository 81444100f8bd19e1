package dev.chainrule.examples.bench;

import dev.chainrule.examples.bench.ReferenceRunner.Outcome;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * W7's report: what each derivative costs against its baseline (a JVP against the forward pass,
 * a Hessian-vector product against the gradient), measured in one process, with the target and
 * whether it was met, and PyTorch's ratio for the same plan where its reference ran.
 */
final class CostRatios {
  private CostRatios() {}

  /** Returns true for W7's rows, which the report lists here instead of in the main table. */
  static boolean isCostRow(BenchRow r) {
    return r.workload().startsWith(ForwardModeWorkload.PREFIX);
  }

  /**
   * Returns one object per row of chainrule's that carries a ratio: workload, threads, what it is
   * over, the ratio (and in CPU time, at one thread), the target and whether it was met (when there
   * is one), and torch's ratio.
   */
  static List<Object> json(List<BenchRow> ours, List<Outcome> refs) {
    List<Object> out = new ArrayList<>();
    for (BenchRow r : ours) {
      if (!isCostRow(r) || !(r.details().get("ratio") instanceof Number)) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("workload", r.workload());
      m.put("threads", r.threads());
      m.put("over", r.details().get("over"));
      m.put("ratio", r.details().get("ratio"));
      if (r.details().containsKey("cpu_ratio")) {
        m.put("cpu_ratio", r.details().get("cpu_ratio"));
      }
      if (r.details().containsKey("target")) {
        m.put("target", r.details().get("target"));
        m.put("met", r.details().get("met"));
      }
      double torch = torchRatio(refs, r);
      if (!Double.isNaN(torch)) {
        m.put("torch_ratio", torch);
      }
      out.add(m);
    }
    return out;
  }

  /**
   * Prints W7's rows: time per run, ratio over the baseline (and in CPU time, at one thread),
   * target and verdict, torch's ratio.
   */
  static void print(List<BenchRow> ours, List<Outcome> refs, PrintStream out) {
    boolean header = false;
    for (BenchRow r : ours) {
      if (!isCostRow(r)) {
        continue;
      }
      if (!header) {
        out.printf(Locale.ROOT, "%nforward mode (w7): µs per run; ratio = time over the "
            + "baseline's, both timed in turn in one process (median of the repetitions and of "
            + "the rounds), by the wall clock and, at one thread, by CPU time%n"
            + "%-20s %3s %12s  %-18s %-9s %-14s %s%n", "plan", "thr", "µs/run", "ratio",
            "cpu ratio", "target", "torch ratio");
        header = true;
      }
      Map<String, Object> d = r.details();
      String ratio = d.get("ratio") instanceof Number n
          ? String.format(Locale.ROOT, "%.2f× %s", n.doubleValue(), d.get("over")) : "";
      String target = d.get("target") instanceof Number t
          ? String.format(Locale.ROOT, "≤ %.0f× %s", t.doubleValue(),
              Boolean.TRUE.equals(d.get("met")) ? "met" : "MISSED") : "";
      String cpu = d.get("cpu_ratio") instanceof Number c
          ? String.format(Locale.ROOT, "%.2f×", c.doubleValue()) : "";
      double torch = torchRatio(refs, r);
      out.printf(Locale.ROOT, "%-20s %3d %12.1f  %-18s %-9s %-14s %s%n", r.workload(),
          r.threads(), r.value(), ratio, cpu, target,
          Double.isNaN(torch) ? "" : String.format(Locale.ROOT, "%.2f×", torch));
    }
  }

  /** Returns torch's ratio for the same plan and thread count as {@code r}, or NaN. */
  private static double torchRatio(List<Outcome> refs, BenchRow r) {
    for (Outcome o : refs) {
      if (!o.framework().equals("torch")) {
        continue;
      }
      for (BenchRow t : o.rows()) {
        if (t.workload().equals(r.workload()) && t.threads() == r.threads()
            && t.details().get("ratio") instanceof Number n) {
          return n.doubleValue();
        }
      }
    }
    return Double.NaN;
  }
}
