package dev.chainrule.examples.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One measured figure: a workload at a thread count, its value and unit, and any details (final
 * loss, per-phase times) as extra keys.
 *
 * @param workload the workload's name, e.g. {@code w1} or {@code chain-1e6}
 * @param threads the thread count it ran with
 * @param value the figure
 * @param unit the figure's unit, e.g. {@code us/step}
 * @param details further named numbers, in order (may be empty); a {@code dtype} among them
 *     replaces the default float64
 */
public record BenchRow(String workload, int threads, double value, String unit,
    Map<String, Object> details) {
  /** Returns the row as the JSON object the bench prints, details after the standard keys. */
  public Map<String, Object> asJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("workload", workload);
    m.put("threads", threads);
    m.put("dtype", dtype());
    m.put("value", value);
    m.put("unit", unit);
    m.putAll(details);
    return m;
  }

  /** Returns the dtype the row was measured in: its {@code dtype} detail, or float64. */
  public String dtype() {
    return String.valueOf(details.getOrDefault("dtype", "float64"));
  }

  /** Returns true when a larger value is better (rates), false for times per step. */
  public boolean higherIsBetter() {
    return unit.endsWith("/s") || unit.equals("GFLOPS");
  }
}
