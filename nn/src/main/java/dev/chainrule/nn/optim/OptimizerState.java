package dev.chainrule.nn.optim;

import dev.chainrule.core.tensor.Tensor;

/**
 * The mutable half of an optimizer: buffers allocated once in {@link Optimizer#start} and a step
 * counter. A step reads the gradients and modifies the parameter tensors (and the state) in place,
 * allocating nothing.
 */
public interface OptimizerState {
  /**
   * Applies one update with learning rate {@code learningRate}: modifies every parameter tensor
   * in place from the gradient at the same position of {@code gradients} (read only).
   */
  void stepInPlace(Tensor[] gradients, double learningRate);

  /** Returns how many steps have been applied. */
  long steps();
}
