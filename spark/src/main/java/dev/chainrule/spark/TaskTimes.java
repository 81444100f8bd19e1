package dev.chainrule.spark;

import java.io.Serializable;

/**
 * How long the tasks of one job computed, aggregated with their results: the total over tasks and
 * the slowest task (the job's critical path). Modified in place.
 */
final class TaskTimes implements Serializable {
  private static final long serialVersionUID = 1L;

  private long total;
  private long slowest;

  /** Adds one task that computed for {@code nanos} (modifies this). */
  void add(long nanos) {
    total += nanos;
    slowest = Math.max(slowest, nanos);
  }

  /** Adds the tasks of {@code other} (modifies this). */
  void merge(TaskTimes other) {
    total += other.total;
    slowest = Math.max(slowest, other.slowest);
  }

  /** Returns the computing time of all tasks, in nanoseconds. */
  long total() {
    return total;
  }

  /** Returns the slowest task's computing time, in nanoseconds. */
  long slowest() {
    return slowest;
  }
}
