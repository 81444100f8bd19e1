package dev.chainrule.spark;

/** A job's aggregated result that carries how long its tasks computed. */
interface Timed {
  /** Returns how long the tasks computed. */
  TaskTimes times();
}
