package dev.chainrule.core.exec.train;

import dev.chainrule.core.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every optimizer state shares, so that a rule writes only its arithmetic: the parameters it
 * updates, the checks of each step's gradients, the step count, and the snapshot and restore that
 * copy the state's buffers out and back in. A rule implements {@link #applyInPlace} and describes
 * its live buffers and scalars in {@link #live()}.
 */
public abstract class CountedState implements OptimizerState {
  private final Optimizer optimizer;
  private final Tensor[] parameters;
  private long steps;

  /**
   * Creates the state of {@code optimizer} updating {@code parameters} (kept, not copied).
   *
   * @throws IllegalArgumentException when there are no parameters
   */
  protected CountedState(Optimizer optimizer, List<Tensor> parameters) {
    this.optimizer = optimizer;
    this.parameters = ParameterBuffers.of(parameters);
  }

  /**
   * Modifies every parameter tensor (and this state's buffers) in place from the gradient at the
   * same position of {@code gradients} (read only), whose shapes have been checked.
   */
  protected abstract void applyInPlace(Tensor[] gradients, double learningRate);

  /**
   * Returns the state as a snapshot that shares this state's buffers, made with {@link
   * #live(String, Map, Map, Map)}.
   */
  protected abstract OptimizerSnapshot live();

  /** Takes the rule's own scalars from a checked snapshot; none by default. */
  protected void restoreScalars(OptimizerSnapshot saved) {}

  /** Returns the parameter tensors, in order, for the rule's loop (not to be replaced). */
  protected final Tensor[] tensors() {
    return parameters;
  }

  /** Returns one zero tensor shaped like each parameter: a rule's per-parameter buffer. */
  protected final Tensor[] zerosLikeParameters() {
    return ParameterBuffers.zerosLike(parameters);
  }

  /**
   * Returns a snapshot of the rule {@code kind} whose buffers ARE the live ones (not copies), with
   * the current step count: what {@link #live()} returns.
   */
  protected final OptimizerSnapshot live(String kind, Map<String, Double> settings,
      Map<String, Double> scalars, Map<String, Tensor[]> buffers) {
    Map<String, List<Tensor>> slots = new LinkedHashMap<>();
    buffers.forEach((name, tensors) -> slots.put(name, List.of(tensors)));
    return new OptimizerSnapshot(kind, settings, steps, scalars, slots);
  }

  @Override
  public final Optimizer optimizer() {
    return optimizer;
  }

  @Override
  public final List<Tensor> parameters() {
    return List.of(parameters);
  }

  @Override
  public final void stepInPlace(Tensor[] gradients, double learningRate) {
    ParameterBuffers.check(parameters, gradients, learningRate);
    applyInPlace(gradients, learningRate);
    steps++;
  }

  @Override
  public final long steps() {
    return steps;
  }

  @Override
  public final OptimizerSnapshot snapshot() {
    return SnapshotRestore.copy(live());
  }

  @Override
  public final void restoreInPlace(OptimizerSnapshot saved) {
    SnapshotRestore.copyInPlace(live(), saved);
    steps = saved.steps();
    restoreScalars(saved);
  }

  /** Counts a step that a training step applied itself, inside the gradients' matrix products. */
  final void countStep() {
    steps++;
  }
}
