package dev.chainrule.core.exec;

import dev.chainrule.core.tensor.Tensor;
import java.lang.ref.WeakReference;

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
  /** The thread this workspace belongs to, held weakly so that the workspace never keeps it. */
  private final WeakReference<Thread> owner;

  /** Makes the state of thread {@code owner} for running {@code p}. */
  Workspace(Program p, Thread owner) {
    this.owner = new WeakReference<>(owner);
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
    this.results = new Results(p, values);
  }

  /** Returns the thread this workspace belongs to, or null once that thread is gone. */
  Thread owner() {
    return owner.get();
  }

  /**
   * Returns the shared registers of the fused loops run in chunks, each as long as the longest
   * chunk: loops run one after another, so they share them, and the registers stay in the cache
   * from one loop to the next.
   */
  private static double[][] scratch(Program p) {
    int count = 0;
    int length = 0;
    for (StepSpec s : p.steps) {
      if (s instanceof FusedStep.Spec && !((FusedStep.Spec) s).program().isSmall()) {
        dev.chainrule.core.scalar.Layout l = ((FusedStep.Spec) s).program().layout();
        count = Math.max(count, l.sharedRegisters());
        length = Math.max(length, l.chunk());
      }
    }
    double[][] scratch = new double[count][];
    for (int r = 0; r < count; r++) {
      scratch[r] = new double[length];
    }
    return scratch;
  }
}
