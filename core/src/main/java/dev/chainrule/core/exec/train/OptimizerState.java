package dev.chainrule.core.exec.train;

import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/**
 * The mutable half of an optimizer: buffers allocated once in {@link Optimizer#start} and a step
 * counter. A step reads the gradients and modifies the parameter tensors (and the state) in place,
 * allocating nothing. {@link #snapshot} and {@link #restoreInPlace} copy the state out and back
 * in, so that training can be stopped and resumed exactly, and {@link OptimizerSnapshot#average}
 * averages the states of data-parallel workers. A {@link TrainingStep} runs it after each step's
 * gradients (or, for {@link Sgd}, inside their matrix products); rules extend {@link
 * CountedState}.
 */
public interface OptimizerState {
  /** Returns the rule whose state this is. */
  Optimizer optimizer();

  /** Returns the parameter tensors this state updates in place, in order. */
  List<Tensor> parameters();

  /**
   * Applies one update with learning rate {@code learningRate}: modifies every parameter tensor
   * in place from the gradient at the same position of {@code gradients} (read only).
   */
  void stepInPlace(Tensor[] gradients, double learningRate);

  /** Returns how many steps have been applied. */
  long steps();

  /** Returns a copy of the state (step count, scalars and buffers), sharing nothing with it. */
  OptimizerSnapshot snapshot();

  /**
   * Replaces this state (step count, scalars, buffers; modified in place) by {@code saved}, which
   * is read only; the parameters are not touched. The learning rate may differ from the saved
   * one; anything else that differs is refused and nothing is modified.
   *
   * @throws IllegalArgumentException naming both optimizers when {@code saved} comes from another
   *     rule or other settings, or the buffer and both shapes when it was taken for parameters of
   *     other shapes
   */
  void restoreInPlace(OptimizerSnapshot saved);
}
