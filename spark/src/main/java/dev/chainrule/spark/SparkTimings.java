package dev.chainrule.spark;

/**
 * Where the time of a {@link SparkTrainer#fit} went, summed over its Spark jobs (one per step in
 * synchronous mode, one per round in averaging mode), measured on the driver and in the tasks.
 *
 * @param jobs the number of training jobs run
 * @param broadcastSeconds the driver's time broadcasting parameters (and optimizer states) to the
 *     executors and releasing the broadcasts
 * @param jobSeconds the driver's wall-clock time waiting for the jobs, from submitting each to
 *     holding its aggregated result
 * @param criticalPathSeconds the computing time of each job's slowest task, summed over the jobs:
 *     the part of {@code jobSeconds} that the computation itself needed
 * @param taskSeconds the computing time of all tasks, summed (over the partitions too)
 * @param applySeconds the driver's time applying the summed gradients or the averages
 * @param broadcastBytes the bytes of parameter and state values broadcast, summed over the jobs
 */
public record SparkTimings(int jobs, double broadcastSeconds, double jobSeconds,
    double criticalPathSeconds, double taskSeconds, double applySeconds, long broadcastBytes) {
  /**
   * Returns the time Spark added to the jobs beyond their computation: scheduling the job and its
   * tasks, shipping them, fetching the broadcast, serialising and aggregating the results.
   */
  public double overheadSeconds() {
    return jobSeconds - criticalPathSeconds;
  }
}
