package dev.chainrule.spark;

/** The running totals behind a {@link SparkTimings}, kept by the driver during a fit. */
final class TimingTotals {
  private int jobs;
  private long broadcastNanos;
  private long jobNanos;
  private long criticalNanos;
  private long taskNanos;
  private long applyNanos;
  private long broadcastBytes;

  /**
   * Adds one job: its broadcast and wait times on the driver, its tasks' {@code times}, and
   * {@code bytes} broadcast.
   */
  void job(long broadcast, long job, TaskTimes times, long bytes) {
    jobs++;
    broadcastNanos += broadcast;
    jobNanos += job;
    criticalNanos += times.slowest();
    taskNanos += times.total();
    broadcastBytes += bytes;
  }

  /** Adds the driver's time applying one job's result. */
  void apply(long nanos) {
    applyNanos += nanos;
  }

  /** Returns the totals in seconds. */
  SparkTimings toTimings() {
    return new SparkTimings(jobs, broadcastNanos / 1e9, jobNanos / 1e9, criticalNanos / 1e9,
        taskNanos / 1e9, applyNanos / 1e9, broadcastBytes);
  }
}
