package dev.chainrule.spark;

/** How one training mode runs an epoch on the cluster. */
interface EpochRunner {
  /** Returns the number of Spark jobs (steps or rounds) one epoch of {@code fit} runs. */
  int jobsPerEpoch(FitContext fit);

  /** Runs epoch {@code epoch} at learning rate {@code learningRate}; updates the driver's model. */
  EpochTotals run(FitContext fit, int epoch, double learningRate);
}
