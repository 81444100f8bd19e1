package dev.chainrule.examples.bench;

/**
 * A workload as the bench times it: one run of its body, repeated, and the row made from the
 * median time of a run. The bench either times the repetitions in one go ({@link #measure}) or
 * has a worker JVM run them one at a time on its parent's word ({@link ServedWorker}), in turn
 * with a second workload's.
 */
interface Repetition {
  /** Runs the body once. */
  void run();

  /** Returns the steps one run takes. */
  int steps();

  /** Returns the row of a run that took {@code medianSeconds}, after the timed runs. */
  BenchRow row(double medianSeconds);

  /** Warms up for five seconds, times {@code reps} runs and returns the row of their median. */
  default BenchRow measure(int reps) {
    return row(Timing.medianSeconds(1, reps, this::run));
  }
}
