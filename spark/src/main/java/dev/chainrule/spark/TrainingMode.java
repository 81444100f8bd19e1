package dev.chainrule.spark;

/**
 * How the partitions of a {@link SparkTrainer} combine their work (docs/spark.md compares the two):
 *
 * <ul>
 *   <li>{@link #synchronous()}: one Spark job per global mini-batch; the partitions' gradients of
 *       their shares are summed and the update applied once, so training equals a single-machine
 *       trainer's on the same batches;
 *   <li>{@link #averaging(int)}: one Spark job per k local steps; every partition trains a
 *       replica on its own data for k steps, then the parameters and optimizer states are
 *       averaged — k times fewer jobs, but a different (and for large k, worse) optimisation.
 * </ul>
 */
public final class TrainingMode {
  private final int localSteps;

  private TrainingMode(int localSteps) {
    this.localSteps = localSteps;
  }

  /** Returns synchronous data-parallel training: one summed gradient and update per batch. */
  public static TrainingMode synchronous() {
    return new TrainingMode(0);
  }

  /**
   * Returns local training with averaging every {@code localSteps} steps.
   *
   * @throws IllegalArgumentException when {@code localSteps} is less than 1
   */
  public static TrainingMode averaging(int localSteps) {
    if (localSteps < 1) {
      throw new IllegalArgumentException("averaging needs at least 1 local step between "
          + "averages, got " + localSteps);
    }
    return new TrainingMode(localSteps);
  }

  /** Returns {@code sync} or {@code average}, as the command line's {@code --mode} names it. */
  public String name() {
    return localSteps == 0 ? "sync" : "average";
  }

  /** Returns the local steps between averages, or 0 in synchronous mode. */
  public int localSteps() {
    return localSteps;
  }

  /** Returns what runs an epoch in this mode. */
  EpochRunner runner() {
    return localSteps == 0 ? new SynchronousEpochs() : new AveragingEpochs(localSteps);
  }

  @Override
  public String toString() {
    return localSteps == 0 ? "sync" : "average(k=" + localSteps + ")";
  }
}
