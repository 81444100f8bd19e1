package dev.chainrule.core.exec.train;

import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/**
 * How a {@link TrainingStep} updates the parameters: an update rule's hyper-parameters, immutable
 * and apart from its state. {@link Sgd} lives here (a training step runs it inside the gradients'
 * matrix products); momentum and Adam are in {@code dev.chainrule.nn.optim}. {@link #start} binds
 * the rule to the live parameter tensors and returns the {@link OptimizerState} (velocities,
 * moments, step count) that updates them in place.
 */
public interface Optimizer {
  /** Returns the rule's name with its settings, for reports. */
  String name();

  /** Returns the base learning rate, which a schedule may scale per epoch. */
  double learningRate();

  /** Returns a fresh state updating {@code parameters} (kept, not copied) in place. */
  OptimizerState start(List<Tensor> parameters);

  /**
   * Returns this rule applied to gradients clipped to global norm {@code maxNorm} (see {@link
   * ClippedByGlobalNorm}), e.g. {@code Adam.of(0.01).clippedByGlobalNorm(1.0)}.
   */
  default Optimizer clippedByGlobalNorm(double maxNorm) {
    return new ClippedByGlobalNorm(this, maxNorm);
  }
}
