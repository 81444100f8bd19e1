package dev.chainrule.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --epochs}, {@code --batch-size} and {@code --seed} options of the training commands
 * (a picocli mixin), each command giving its own defaults: {@code @Mixin TrainingOptions training
 * = new TrainingOptions(10, 128, 1);}.
 */
public final class TrainingOptions {
  @Option(names = "--epochs", description = "Epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--batch-size", description = "Samples per step (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--seed", description = "Seed of the weights, of the data (its split or its "
      + "generation) and of the shuffling (default: ${DEFAULT-VALUE}).")
  long seed;

  /** Creates the options with the command's defaults. */
  public TrainingOptions(int epochs, int batchSize, long seed) {
    this.epochs = epochs;
    this.batchSize = batchSize;
    this.seed = seed;
  }

  /**
   * Returns the number of epochs.
   *
   * @throws UsageException (exit status 2) when it is below 1
   */
  public int epochs() {
    Flags.atLeast("--epochs", epochs, 1);
    return epochs;
  }

  /**
   * Returns the samples per step.
   *
   * @throws UsageException (exit status 2) when it is below 1
   */
  public int batchSize() {
    Flags.atLeast("--batch-size", batchSize, 1);
    return batchSize;
  }

  /** Returns the seed. */
  public long seed() {
    return seed;
  }
}
