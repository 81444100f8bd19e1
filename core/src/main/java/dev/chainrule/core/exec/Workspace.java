package dev.chainrule.core.exec;

import dev.chainrule.core.tensor.Tensor;

/**
 * One thread's state for running a plan: a tensor per value slot (leaves' own tensors, or views
 * of the thread's buffers), the thread's steps with their kernels and scratch space, the results
 * object handed back by every run, and the scale of the current run's accumulations (see {@link
 * Accumulations}) with whether they run.
 */
final class Workspace {
  final Tensor[] values;
  final Step[] steps;
  final Results results;
  double scale;
  boolean accumulating;

  Workspace(Plan plan, Program p) {
    this.values = new Tensor[p.slotNodes.length];
    double[][] buffers = new double[p.bufferLengths.length][];
    for (int b = 0; b < buffers.length; b++) {
      buffers[b] = new double[p.bufferLengths[b]];
    }
    for (int s = 0; s < values.length; s++) {
      int b = p.bufferOf[s];
      if (b >= 0) {
        values[s] = Tensor.wrap(p.slotNodes[s].shape(), buffers[b]);
      } else {
        values[s] = p.slotNodes[s].storedValue();
      }
    }
    boolean[] fed = new boolean[values.length];
    for (int s : p.inputSlots) {
      fed[s] = true;
    }
    double[][] scratch = scratch(p);
    this.steps = new Step[p.steps.length];
    for (int i = 0; i < steps.length; i++) {
      steps[i] = p.steps[i].newStep(values, fed, scratch);
    }
    this.results = new Results(plan, values);
  }

  /**
   * Returns the registers of the fused loops run in chunks: register r is as long as the longest
   * loop that uses it, and every loop shares them, so the memory is that of the largest loops'
   * registers, not the sum over loops.
   */
  private static double[][] scratch(Program p) {
    int[] length = new int[0];
    for (StepSpec s : p.steps) {
      if (s instanceof FusedStep.Spec && !((FusedStep.Spec) s).program().small) {
        FusedProgram f = ((FusedStep.Spec) s).program();
        if (f.registers > length.length) {
          length = java.util.Arrays.copyOf(length, f.registers);
        }
        for (int r = 0; r < f.registers; r++) {
          length[r] = Math.max(length[r], f.size);
        }
      }
    }
    double[][] scratch = new double[length.length][];
    for (int r = 0; r < scratch.length; r++) {
      scratch[r] = new double[length[r]];
    }
    return scratch;
  }
}
