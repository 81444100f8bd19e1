package dev.chainrule.spark;

import java.io.Serializable;

/**
 * Called by every training task before it computes, with the job's number in the {@code fit}
 * (a step in synchronous mode, a round in averaging mode) and the task's partition: the tests'
 * way to make a task fail on purpose and watch Spark retry it.
 */
@FunctionalInterface
interface TaskProbe extends Serializable {
  /** Does nothing. */
  TaskProbe NONE = (job, partition) -> { };

  /** Runs before the task of {@code partition} in job {@code job} computes. */
  void beforeTask(int job, int partition);
}
