package dev.chainrule.examples.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the nn Trainer keeps of the compiled training step's speed. {@link Alternation} times
 * {@code w3} and {@code w3-trainer} (likewise W2) in turn, each in a JVM of its own, and each
 * round's Trainer row lists its pairs' shares (Trainer steps per second over the compiled step's
 * of the run just before) under {@value #PAIRS}. The reported Trainer row carries every round's
 * pairs there and their median as {@code of_compiled_step}, with the target and whether it is
 * met: a ratio of figures taken a second or two apart, rather than of two medians that may come
 * from different minutes of a machine whose speed drifts.
 */
final class TrainerShare {
  /** The detail listing each pair's share. */
  static final String PAIRS = "of_compiled_step_pairs";
  /** The share of the compiled step's speed the Trainer is to keep: within 5 %. */
  static final double TARGET = 0.95;

  private TrainerShare() {}

  /**
   * Returns {@code medians} with each Trainer row given the shares of all its pairs in {@code
   * rounds} (the rows of every round, in the order measured) and their median.
   */
  static List<BenchRow> added(List<BenchRow> medians, List<BenchRow> rounds) {
    List<BenchRow> out = new ArrayList<>();
    for (BenchRow row : medians) {
      List<Double> pairs = pairs(rounds, row);
      if (pairs.isEmpty()) {
        out.add(row);
        continue;
      }
      double median = Timing.median(pairs.stream().mapToDouble(Double::doubleValue).toArray());
      Map<String, Object> details = new LinkedHashMap<>(row.details());
      details.put("of_compiled_step", median);
      details.put(PAIRS, pairs);
      details.put("of_compiled_step_target", TARGET);
      details.put("of_compiled_step_met", median >= TARGET);
      out.add(new BenchRow(row.workload(), row.threads(), row.value(), row.unit(), details));
    }
    return out;
  }

  /**
   * Returns the shares listed by every round's row of {@code row}'s workload, threads and dtype.
   */
  private static List<Double> pairs(List<BenchRow> rounds, BenchRow row) {
    List<Double> pairs = new ArrayList<>();
    for (BenchRow r : rounds) {
      if (r.workload().equals(row.workload()) && r.threads() == row.threads()
          && r.dtype().equals(row.dtype()) && r.details().get(PAIRS) instanceof List<?> each) {
        for (Object o : each) {
          pairs.add(((Number) o).doubleValue());
        }
      }
    }
    return pairs;
  }

  /**
   * Returns the line the table prints for a Trainer row that carries its share, or null: e.g.
   * {@code w3-trainer, 2 threads: 0.962 of w3's compiled step (median of 9 pairs timed in turn,
   * 0.931 to 0.987; target 0.95, met)}.
   */
  static String describe(BenchRow row) {
    if (!(row.details().get("of_compiled_step") instanceof Number share)
        || !(row.details().get(PAIRS) instanceof List<?> each)
        || !row.workload().endsWith(Workloads.TRAINER_SUFFIX)) {
      return null;
    }
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (Object o : each) {
      low = Math.min(low, ((Number) o).doubleValue());
      high = Math.max(high, ((Number) o).doubleValue());
    }
    String name = row.workload();
    return String.format(Locale.ROOT, "%s, %d thread%s: %.3f of %s's compiled step (median of %d "
        + "pair%s timed in turn, %.3f to %.3f; target %.2f, %s)", name, row.threads(),
        row.threads() == 1 ? "" : "s", share.doubleValue(),
        name.substring(0, name.length() - Workloads.TRAINER_SUFFIX.length()), each.size(),
        each.size() == 1 ? "" : "s", low, high, TARGET,
        Boolean.TRUE.equals(row.details().get("of_compiled_step_met")) ? "met" : "not met");
  }
}
