package dev.chainrule.examples.bench;

import dev.chainrule.examples.bench.ReferenceRunner.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Medians over rounds. The bench measures each workload once per round in every framework, one
 * right after the other, so that a slow minute of a shared machine touches all three; the figure
 * reported per framework is the round with the median value, and its details list every round's
 * value under {@code rounds}. A row that carries ratios (W7's cost of a derivative over its
 * baseline, {@code ratio} and {@code cpu_ratio}) gets each the median of its rounds' (every round's
 * {@code ratio} listed under {@code ratio_rounds}), and its verdict {@code met} is that median's
 * against its {@code target}: the median time and the median ratio may come from different rounds.
 */
final class Rounds {
  private Rounds() {}

  /** The ratios a row may carry, each replaced by the median of its rounds'. */
  private static final List<String> RATIOS = List.of("ratio", "cpu_ratio");

  /**
   * Returns, for each workload, thread count and dtype in the order first met, the row whose value
   * is the median of those rows (the lower middle one for an even count), its ratios the medians
   * of theirs.
   */
  static List<BenchRow> median(List<BenchRow> rows) {
    Map<String, List<BenchRow>> byKey = new LinkedHashMap<>();
    for (BenchRow r : rows) {
      byKey.computeIfAbsent(r.workload() + "@" + r.threads() + "@" + r.dtype(),
          k -> new ArrayList<>()).add(r);
    }
    List<BenchRow> out = new ArrayList<>();
    for (List<BenchRow> same : byKey.values()) {
      List<Double> values = new ArrayList<>();
      for (BenchRow r : same) {
        values.add(r.value());
      }
      List<BenchRow> sorted = new ArrayList<>(same);
      sorted.sort(Comparator.comparingDouble(BenchRow::value));
      BenchRow middle = sorted.get((sorted.size() - 1) / 2);
      Map<String, Object> details = new LinkedHashMap<>(middle.details());
      if (same.size() > 1) {
        details.put("rounds", values);
        medianRatios(same, details);
      }
      out.add(new BenchRow(middle.workload(), middle.threads(), middle.value(), middle.unit(),
          details));
    }
    return out;
  }

  /**
   * Puts into {@code details} the median over {@code same} of each ratio all of them carry, the
   * rounds' {@code ratio} under {@code ratio_rounds}, and the verdict of the median ratio.
   */
  private static void medianRatios(List<BenchRow> same, Map<String, Object> details) {
    for (String key : RATIOS) {
      List<Double> each = new ArrayList<>();
      for (BenchRow r : same) {
        if (r.details().get(key) instanceof Number n) {
          each.add(n.doubleValue());
        }
      }
      if (each.size() < same.size()) {
        continue;
      }
      double[] sorted = each.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      details.put(key, sorted[(sorted.length - 1) / 2]);
      if (key.equals("ratio")) {
        details.put("ratio_rounds", each);
        if (details.get("target") instanceof Number t) {
          details.put("met", sorted[(sorted.length - 1) / 2] <= t.doubleValue());
        }
      }
    }
  }

  /** Returns one framework's outcomes over the rounds as one, its rows the medians. */
  static Outcome medianOutcome(List<Outcome> outcomes) {
    Outcome first = outcomes.get(0);
    List<BenchRow> rows = new ArrayList<>();
    for (Outcome o : outcomes) {
      rows.addAll(o.rows());
    }
    return new Outcome(first.framework(), first.version(), median(rows), first.skipped(),
        first.blas());
  }
}
