package dev.chainrule.core.exec;

/**
 * Anomaly mode: while it is on, every {@link Plan} run checks the value each operation writes,
 * forward and backward, and stops at the first one holding NaN or an infinity with an {@link
 * AnomalyException} naming that node, its operation and shape, whether it belongs to the backward
 * pass (and which forward node it differentiates), the user line that built it, and the
 * statistics of each of its inputs. Off by default: checking reads every value once more.
 *
 * <pre>{@code
 * try (Anomaly.Scope on = Anomaly.detect()) {
 *   plan.run(feeds);   // throws AnomalyException at the first non-finite value
 * }
 * }</pre>
 *
 * <p>The setting is global (all threads), like {@link dev.chainrule.core.graph.CreationSite}'s, and
 * is read once at the start of each run.
 */
public final class Anomaly {
  private static volatile boolean enabled;

  private Anomaly() {}

  /** Turns anomaly mode on or off for every plan run that starts afterwards, on any thread. */
  public static void setEnabled(boolean on) {
    enabled = on;
  }

  /** Returns whether anomaly mode is on. */
  public static boolean isEnabled() {
    return enabled;
  }

  /**
   * Turns anomaly mode on until the returned scope is closed, which restores the previous setting;
   * use with try-with-resources.
   */
  public static Scope detect() {
    boolean previous = enabled;
    enabled = true;
    return () -> enabled = previous;
  }

  /** A period of anomaly mode that ends when closed; closing never throws. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    /** Restores the setting that held before the scope was opened. */
    @Override
    void close();
  }
}
