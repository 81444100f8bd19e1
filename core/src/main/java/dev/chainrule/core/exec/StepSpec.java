package dev.chainrule.core.exec;

import dev.chainrule.core.tensor.Tensor;

/**
 * The thread-independent description of a {@link Step}: what a plan keeps. Each thread that runs
 * the plan asks it for a step of its own, with its own kernels and scratch space.
 */
interface StepSpec {
  /**
   * Returns a new step for one thread's workspace, bound to its {@code values}; the slots marked
   * in {@code fed} hold inputs, which a run may replace, so the step reads those afresh each run.
   * {@code scratch} holds the workspace's registers for fused loops, shared by all its steps.
   */
  Step newStep(Tensor[] values, boolean[] fed, double[][] scratch);

  /** Returns the value slots the step reads. */
  int[] reads();

  /** Returns the value slots the step writes. */
  int[] writes();

  /**
   * Returns, per written slot, the read slots whose buffers that output may take, in order of
   * preference, when this step is the slot's last reader (an elementwise loop writing where it
   * has finished reading); none by default.
   */
  default int[][] overwritable() {
    return new int[writes().length][0];
  }

  /** Returns what the step does, for {@link Plan#explain()}, naming values by {@code slots}. */
  String describe(java.util.function.IntFunction<String> slots);
}
