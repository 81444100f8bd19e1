package dev.chainrule.examples.cli;

import dev.chainrule.core.exec.Anomaly;
import picocli.CommandLine.Option;

/**
 * The {@code --detect-anomaly} option of the training subcommands (a picocli mixin): while the
 * command runs, {@link Anomaly} mode is on, so the first operation whose value is NaN or infinite
 * stops the run with a message naming it, forward or backward.
 */
public final class AnomalyOption {
  @Option(names = "--detect-anomaly", description = "Check every value for NaN and infinity and "
      + "stop at the first operation that produces one, naming it, its line and its inputs "
      + "(slower).")
  boolean on;

  /** Returns a scope that keeps anomaly mode on until closed when the option was given. */
  public Anomaly.Scope scope() {
    return on ? Anomaly.detect() : () -> { };
  }
}
