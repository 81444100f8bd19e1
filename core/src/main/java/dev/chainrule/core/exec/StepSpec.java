package dev.chainrule.core.exec;

/**
 * The thread-independent description of a {@link Step}: what a plan keeps. Each thread that runs
 * the plan asks it for a step of its own, with its own kernels and scratch space.
 */
interface StepSpec {
  /** Returns a new step for one thread's workspace. */
  Step newStep();

  /** Returns the value slots the step reads. */
  int[] reads();

  /** Returns the value slots the step writes. */
  int[] writes();
}
