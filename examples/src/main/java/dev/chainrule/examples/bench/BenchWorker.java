package dev.chainrule.examples.bench;

import dev.chainrule.cli.Cli;

/**
 * The entry point of the child JVM in which {@code bench} runs chainrule's workloads at one thread
 * count: {@code bench --worker} with the options the parent passes, printing JSON.
 */
public final class BenchWorker {
  private BenchWorker() {}

  /** Runs the bench command with {@code args} (which include {@code --worker}) and exits. */
  public static void main(String[] args) {
    System.exit(Cli.run(new BenchCommand(), args));
  }
}
