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
   * Returns, per written slot, a read slot whose buffer that output may take when this step is
   * the slot's last reader (an elementwise loop writing where it has finished reading), or -1.
   */
  default int[] overwritable() {
    int[] none = new int[writes().length];
    java.util.Arrays.fill(none, -1);
    return none;
  }

  /** Returns what the step does, for {@link Plan#explain()}, naming values by {@code slots}. */
  String describe(java.util.function.IntFunction<String> slots);
}
