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
 * value under {@code rounds}. A row that carries a ratio (W7's cost of a derivative over its
 * baseline) is the round with the median ratio, every round's ratio under {@code ratio_rounds}.
 */
final class Rounds {
  private Rounds() {}

  /**
   * Returns, for each workload and thread count in the order first met, the row whose value (or
   * ratio, when the rows carry one) is the median of that pair's rows (the lower middle one for an
   * even count).
   */
  static List<BenchRow> median(List<BenchRow> rows) {
    Map<String, List<BenchRow>> byKey = new LinkedHashMap<>();
    for (BenchRow r : rows) {
      byKey.computeIfAbsent(r.workload() + "@" + r.threads(), k -> new ArrayList<>()).add(r);
    }
    List<BenchRow> out = new ArrayList<>();
    for (List<BenchRow> same : byKey.values()) {
      List<Double> values = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      for (BenchRow r : same) {
        values.add(r.value());
        if (r.details().get("ratio") instanceof Number n) {
          ratios.add(n.doubleValue());
        }
      }
      List<BenchRow> sorted = new ArrayList<>(same);
      sorted.sort(Comparator.comparingDouble(Rounds::figure));
      BenchRow middle = sorted.get((sorted.size() - 1) / 2);
      Map<String, Object> details = new LinkedHashMap<>(middle.details());
      if (same.size() > 1) {
        details.put("rounds", values);
        if (ratios.size() == same.size()) {
          details.put("ratio_rounds", ratios);
        }
      }
      out.add(new BenchRow(middle.workload(), middle.threads(), middle.value(), middle.unit(),
          details));
    }
    return out;
  }

  /** Returns what a row's rounds are ordered by: its ratio when it has one, else its value. */
  private static double figure(BenchRow r) {
    return r.details().get("ratio") instanceof Number n ? n.doubleValue() : r.value();
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
