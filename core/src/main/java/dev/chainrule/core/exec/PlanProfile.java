package dev.chainrule.core.exec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Where the time of a compiled plan's runs goes: the mean wall-clock time per run of binding and
 * checking the feeds and of each step of {@link Plan#explain()}, in schedule order. Made by {@link
 * Plan#profile} and a training step's {@code profile}; {@link #toString()} prints it as a table.
 * The figures include the timer's own cost (tens of nanoseconds per step), so they say where a
 * large plan spends its time rather than what a tiny step costs.
 */
public final class PlanProfile {
  /**
   * One line of the profile.
   *
   * @param step what ran, as {@link Plan#explain()} words it
   * @param micros the mean microseconds per run it took
   * @param share its fraction of the total, between 0 and 1
   */
  public record Entry(String step, double micros, double share) {}

  /** The name of the entry that measures binding and checking the feeds. */
  public static final String FEEDS = "bind and check feeds";

  private final List<Entry> entries;
  private final double totalMicros;
  private final int runs;

  PlanProfile(List<String> steps, long[] nanos, int runs) {
    long total = 0;
    for (long n : nanos) {
      total += n;
    }
    List<Entry> list = new ArrayList<>();
    for (int i = 0; i < nanos.length; i++) {
      list.add(new Entry(steps.get(i), nanos[i] / 1e3 / runs,
          total == 0 ? 0 : (double) nanos[i] / total));
    }
    this.entries = Collections.unmodifiableList(list);
    this.totalMicros = total / 1e3 / runs;
    this.runs = runs;
  }

  /** Returns the entries in schedule order, the feeds first. */
  public List<Entry> entries() {
    return entries;
  }

  /** Returns the mean microseconds of one run: the sum of the entries. */
  public double totalMicros() {
    return totalMicros;
  }

  /** Returns how many runs were timed. */
  public int runs() {
    return runs;
  }

  /**
   * Returns the table: microseconds per run and share of each entry, then the total, one entry per
   * line.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "%10s %6s  %s (mean of %d runs)%n", "µs/run", "share", "step", runs));
    for (Entry e : entries) {
      sb.append(String.format(Locale.ROOT, "%10.1f %5.1f%%  %s%n", e.micros, 100 * e.share,
          e.step));
    }
    sb.append(String.format(Locale.ROOT, "%10.1f %5.1f%%  total%n", totalMicros, 100.0));
    return sb.toString();
  }
}
