package dev.chainrule.examples.bench;

import dev.chainrule.examples.bench.ReferenceRunner.Outcome;
import dev.chainrule.examples.bench.Ratios.Ratio;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The bench's output: a table with the ratios, or one JSON object. */
final class BenchReport {
  private BenchReport() {}

  /**
   * Returns the JSON object: chainrule's rows, the references' rows, ratios, W7's cost ratios, the
   * machine.
   */
  static Map<String, Object> json(List<BenchRow> ours, List<Outcome> refs,
      Map<String, Object> machine) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("results", rowsJson(ours));
    Map<String, Object> r = new LinkedHashMap<>();
    for (Outcome o : mergedByFramework(refs)) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("version", o.version());
      f.put("blas", o.blas() != null ? o.blas() : "the system's libblas.so.3");
      f.put("skipped", o.skipped());
      f.put("results", rowsJson(o.rows()));
      r.put(o.framework(), f);
    }
    m.put("references", r);
    List<Object> ratios = new ArrayList<>();
    for (Ratio x : Ratios.of(ours, refs)) {
      ratios.add(x.asJson());
    }
    m.put("ratios", ratios);
    m.put("cost_ratios", CostRatios.json(ours, refs));
    m.put("machine", machine);
    return m;
  }

  private static List<Object> rowsJson(List<BenchRow> rows) {
    List<Object> out = new ArrayList<>();
    for (BenchRow b : rows) {
      out.add(b.asJson());
    }
    return out;
  }

  /** Joins the outcomes of one framework over several thread counts into one. */
  static List<Outcome> mergedByFramework(List<Outcome> refs) {
    Map<String, Outcome> merged = new LinkedHashMap<>();
    for (Outcome o : refs) {
      Outcome prev = merged.get(o.framework());
      if (prev == null) {
        merged.put(o.framework(), o);
      } else {
        List<BenchRow> rows = new ArrayList<>(prev.rows());
        rows.addAll(o.rows());
        merged.put(o.framework(), new Outcome(o.framework(),
            prev.version() != null ? prev.version() : o.version(), rows,
            prev.skipped() != null ? prev.skipped() : o.skipped(),
            prev.blas() != null ? prev.blas() : o.blas()));
      }
    }
    return new ArrayList<>(merged.values());
  }

  /**
   * Prints the table of results and ratios, the scaling series, W7's cost ratios, any profiles,
   * the machine.
   */
  static void print(List<BenchRow> ours, List<Outcome> refs, Map<String, Object> machine,
      PrintStream out) {
    List<Ratio> ratios = Ratios.of(ours, refs);
    boolean header = false;
    for (BenchRow r : ours) {
      if (r.workload().startsWith("chain-") || CostRatios.isCostRow(r)) {
        continue;
      }
      if (!header) {
        out.printf(Locale.ROOT, "%-10s %-7s %3s  %18s  %18s  %18s  %9s  %9s%n", "workload",
            "dtype", "thr", "chainrule", "numpy", "torch", "vs numpy", "vs torch");
        header = true;
      }
      String counterpart = Ratios.counterpart(r.workload());
      BenchRow numpy = sameUnit(find(refs, "numpy", counterpart, r), r);
      BenchRow torch = sameUnit(find(refs, "torch", counterpart, r), r);
      out.printf(Locale.ROOT, "%-10s %-7s %3d  %18s  %18s  %18s  %9s  %9s%n", r.workload(),
          r.dtype(), r.threads(), figure(r), figure(numpy), figure(torch),
          times(Ratios.find(ratios, r.workload(), r.threads(), "numpy")),
          times(Ratios.find(ratios, r.workload(), r.threads(), "torch")));
    }
    printTrainerShares(ours, out);
    printHeap(ours, out);
    printBuildCost(ours, out);
    printScaling(ours, out);
    CostRatios.print(ours, refs, out);
    printProfiles(ours, out);
    for (Outcome o : mergedByFramework(refs)) {
      if (o.skipped() != null) {
        out.println(o.framework() + ": skipped (" + o.skipped() + ")");
      } else {
        out.println(o.framework() + " " + o.version() + ": "
            + (o.blas() != null ? o.blas() : "the system's libblas.so.3"));
      }
    }
    out.println("machine: " + machine);
  }

  /**
   * Prints, for each Trainer row, its share of the compiled step's speed ({@link TrainerShare}).
   */
  private static void printTrainerShares(List<BenchRow> ours, PrintStream out) {
    for (BenchRow r : ours) {
      String line = TrainerShare.describe(r);
      if (line != null) {
        out.println(line);
      }
    }
  }

  /** Prints the heap a parameter takes in float32 against float64, from the float32 heap rows. */
  private static void printHeap(List<BenchRow> ours, PrintStream out) {
    for (BenchRow r : ours) {
      if (r.details().get("float64_bytes_per_parameter") instanceof Number f) {
        out.printf(Locale.ROOT, "%s, %d thread%s: %.2f bytes per parameter in float32, %.2f in "
            + "float64 (%.2f×)%n", r.workload(), r.threads(), r.threads() == 1 ? "" : "s",
            r.value(), f.doubleValue(), r.value() / f.doubleValue());
      }
    }
  }

  /** Prints what recording creation sites costs per node built, from the {@code w5-build} rows. */
  private static void printBuildCost(List<BenchRow> ours, PrintStream out) {
    for (BenchRow r : ours) {
      Object without = r.details().get("us_per_node_without_creation_sites");
      if (without instanceof Double d) {
        out.printf(Locale.ROOT, "%s, %d thread%s: building a node takes %.3f µs with creation "
            + "sites, %.3f µs without (%.1f×)%n", r.workload(), r.threads(),
            r.threads() == 1 ? "" : "s", r.value(), d, r.value() / d);
      }
    }
  }

  private static void printScaling(List<BenchRow> ours, PrintStream out) {
    boolean header = false;
    for (BenchRow r : ours) {
      if (!r.workload().startsWith("chain-")) {
        continue;
      }
      if (!header) {
        out.printf(Locale.ROOT, "%nscaling: Horner chains, times in ms%n%-9s %3s %9s %9s %9s %9s"
            + " %9s %9s %9s %9s%n", "chain", "thr", "build", "grad", "compile", "run fwd",
            "run f+b", "bwd/fwd", "bwd/fwd", "ns/node");
        out.printf(Locale.ROOT, "%-9s %3s %9s %9s %9s %9s %9s %9s %9s %9s%n", "", "", "", "", "",
            "", "", "(build)", "(run)", "(total)");
        header = true;
      }
      Map<String, Object> d = r.details();
      out.printf(Locale.ROOT, "%-9s %3d %9.2f %9.2f %9.2f %9.4f %9.4f %9.2f %9.2f %9.1f%n",
          r.workload(), r.threads(), d.get("build_ms"), d.get("grad_ms"), d.get("compile_ms"),
          d.get("forward_run_ms"), d.get("forward_backward_run_ms"),
          d.get("backward_over_forward_build"), d.get("backward_over_forward_run"),
          d.get("ns_per_node"));
    }
  }

  private static void printProfiles(List<BenchRow> ours, PrintStream out) {
    for (BenchRow r : ours) {
      if (!(r.details().get("profile") instanceof List)) {
        continue;
      }
      out.printf(Locale.ROOT, "%nprofile: %s, %d thread%s (µs per training step, share)%n",
          r.workload(), r.threads(), r.threads() == 1 ? "" : "s");
      for (Object o : (List<?>) r.details().get("profile")) {
        Map<?, ?> e = (Map<?, ?>) o;
        out.printf(Locale.ROOT, "%10.1f %5.1f%%  %s%n", ((Number) e.get("us")).doubleValue(),
            100 * ((Number) e.get("share")).doubleValue(), e.get("step"));
      }
    }
  }

  /** Returns {@code framework}'s row of {@code workload} at the thread count and dtype of ours. */
  private static BenchRow find(List<Outcome> refs, String framework, String workload,
      BenchRow ours) {
    for (Outcome o : refs) {
      if (o.framework().equals(framework)) {
        for (BenchRow r : o.rows()) {
          if (r.workload().equals(workload) && r.threads() == ours.threads()
              && r.dtype().equals(ours.dtype())) {
            return r;
          }
        }
      }
    }
    return null;
  }

  /** Returns the reference row {@code ref} if it is measured in the unit of {@code ours}. */
  private static BenchRow sameUnit(BenchRow ref, BenchRow ours) {
    return ref != null && ref.unit().equals(ours.unit()) ? ref : null;
  }

  private static String figure(BenchRow r) {
    if (r == null) {
      return "-";
    }
    double v = r.value();
    String number = v >= 1e6 ? String.format(Locale.ROOT, "%.3g", v)
        : v >= 100 ? String.format(Locale.ROOT, "%.0f", v)
        : String.format(Locale.ROOT, "%.3g", v);
    return number + " " + r.unit();
  }

  private static String times(double ratio) {
    return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f×", ratio);
  }
}
