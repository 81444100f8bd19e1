package dev.chainrule.core.exec.train;

import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/**
 * An update rule's hyper-parameters, immutable and apart from its state: {@link Sgd}, {@link
 * Momentum}, {@link Adam}. {@link #start} binds the rule to a model's live parameter tensors and
 * returns the {@link OptimizerState} (velocities, moments, step count) that updates them in place.
 */
public interface Optimizer {
  /** Returns the rule's name with its settings, for reports. */
  String name();

  /** Returns the base learning rate, which a schedule may scale per epoch. */
  double learningRate();

  /** Returns a fresh state updating {@code parameters} (kept, not copied) in place. */
  OptimizerState start(List<Tensor> parameters);
}
