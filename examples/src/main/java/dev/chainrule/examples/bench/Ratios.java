package dev.chainrule.examples.bench;

import dev.chainrule.examples.bench.ReferenceRunner.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * chainrule's speed-up over each reference on the same workload and thread count, measured in the
 * same run and dtype: reference time over chainrule time (so above 1 means chainrule is faster).
 * The compiled and the freshly built Horner chain are both compared with the references' W5.
 */
final class Ratios {
  /**
   * One comparison.
   *
   * @param workload chainrule's workload
   * @param threads the thread count
   * @param versus the reference framework
   * @param speedup how many times faster chainrule ran
   */
  record Ratio(String workload, int threads, String versus, double speedup) {
    Map<String, Object> asJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("workload", workload);
      m.put("threads", threads);
      m.put("versus", versus);
      m.put("speedup", speedup);
      return m;
    }
  }

  private Ratios() {}

  /**
   * Returns the reference workload a row is compared with: the row's own, or for a variant such as
   * {@code w5-fresh} or {@code w2-trainer} the workload before the dash.
   */
  static String counterpart(String workload) {
    int dash = workload.indexOf('-');
    return dash < 0 || workload.startsWith("chain-") ? workload : workload.substring(0, dash);
  }

  /** Returns every comparison the rows allow. */
  static List<Ratio> of(List<BenchRow> ours, List<Outcome> references) {
    List<Ratio> out = new ArrayList<>();
    for (BenchRow r : ours) {
      String counterpart = counterpart(r.workload());
      for (Outcome o : references) {
        for (BenchRow ref : o.rows()) {
          if (ref.workload().equals(counterpart) && ref.threads() == r.threads()
              && ref.unit().equals(r.unit()) && ref.dtype().equals(r.dtype())) {
            double s = r.higherIsBetter() ? r.value() / ref.value() : ref.value() / r.value();
            out.add(new Ratio(r.workload(), r.threads(), o.framework(), s));
          }
        }
      }
    }
    return out;
  }

  /** Returns the speed-up of {@code workload} at {@code threads} over {@code versus}, or NaN. */
  static double find(List<Ratio> ratios, String workload, int threads, String versus) {
    for (Ratio r : ratios) {
      if (r.workload().equals(workload) && r.threads() == threads && r.versus().equals(versus)) {
        return r.speedup();
      }
    }
    return Double.NaN;
  }
}
