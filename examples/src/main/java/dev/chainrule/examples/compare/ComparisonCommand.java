package dev.chainrule.examples.compare;

import dev.chainrule.examples.cli.Json;
import picocli.CommandLine.Option;

/**
 * The shared shape of the seed-comparison subcommands: compute a {@link SeedComparison} from a
 * random seed, then print it as tables or, with {@code --json}, as one JSON object.
 */
public abstract class ComparisonCommand implements Runnable {
  @Option(names = "--json", description = "Print one JSON object instead of the tables.")
  boolean json;

  @Option(names = "--seed", paramLabel = "N",
      description = "Seed of the random data and weights (default: the example's own).")
  Long seed;

  /** Returns the example's default random seed. */
  protected abstract long defaultSeed();

  /** Computes the comparison for the given random seed. */
  protected abstract SeedComparison compute(long randomSeed);

  /** Computes the comparison and prints it. */
  @Override
  public void run() {
    SeedComparison c = compute(seed == null ? defaultSeed() : seed);
    if (json) {
      Json.print(ComparisonPrinter.json(c), System.out);
    } else {
      ComparisonPrinter.print(c, System.out);
    }
  }
}
