package dev.chainrule.core.graph;

import dev.chainrule.core.tensor.Tensor;

/**
 * An operation's forward computation prepared for fixed input and output shapes by {@link
 * Op#prepare}: strides, loop bounds and scratch space are worked out once, so that running it
 * allocates nothing. A compiled plan prepares one kernel per operation node and per thread that
 * runs the plan, so a kernel may keep mutable scratch space: it is never run by two threads at
 * once.
 */
@FunctionalInterface
public interface Kernel {
  /**
   * Computes the output from {@code inputs} into {@code out}, exactly as {@link Op#forward} would:
   * must not modify the inputs and must overwrite every element of {@code out}.
   */
  void run(Tensor[] inputs, Tensor out);
}
