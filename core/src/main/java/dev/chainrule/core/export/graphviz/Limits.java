package dev.chainrule.core.export.graphviz;

import java.time.Duration;
import java.util.Locale;

/**
 * How long, and with how much memory, Graphviz may work on one picture. Past the time limit the
 * work is stopped (the {@code dot} process killed, the in-JVM engine interrupted); past the memory
 * limit its allocations fail. Either way the caller gets a {@link GraphvizException} that says
 * which limit was hit.
 *
 * @param time the longest one picture may take
 * @param memoryBytes the most memory one picture may use: the in-JVM engine's heap, the {@code dot}
 *     process's address space (where the operating system can limit it)
 */
public record Limits(Duration time, long memoryBytes) {
  /** The default: 30 seconds and 1 GiB, far beyond what a summarised picture needs. */
  public static final Limits DEFAULT = new Limits(Duration.ofSeconds(30), 1L << 30);

  /** Checks that both limits are positive and the memory limit is at least 16 MiB. */
  public Limits {
    if (time == null || time.isNegative() || time.isZero()) {
      throw new IllegalArgumentException("the time limit must be positive, got " + time);
    }
    if (memoryBytes < (16L << 20)) {
      throw new IllegalArgumentException("the memory limit must be at least 16 MiB, got "
          + memoryBytes + " bytes");
    }
  }

  /** Returns the time limit as a message writes it, e.g. {@code 30 s}. */
  public String timeWords() {
    double s = time.toMillis() / 1000.0;
    return (s == Math.rint(s) ? String.valueOf((long) s) : String.format(Locale.ROOT, "%.1f", s))
        + " s";
  }

  /** Returns the memory limit as a message writes it, e.g. {@code 1024 MiB}. */
  public String memoryWords() {
    return (memoryBytes >> 20) + " MiB";
  }
}
