package dev.chainrule.spark;

import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.model.Model;
import dev.chainrule.nn.train.Trainer;
import java.util.List;

/**
 * One executor's copy of the model being trained, with nn's {@link Trainer} around it: the
 * compiled training steps (one per batch size met) and an optimizer state. A task loads the
 * driver's parameters into it, then computes gradients or runs training steps exactly as a
 * single-machine trainer does.
 */
final class Replica {
  private final Model model;
  private final Trainer trainer;
  private final List<Parameter> parameters;

  Replica(WorkerSpec spec) {
    this.model = spec.model().open();
    this.trainer = new Trainer(model, spec.loss().get(), spec.optimizer().get());
    this.parameters = model.parameters();
  }

  /** Returns the trainer of this replica. */
  Trainer trainer() {
    return trainer;
  }

  /** Returns the replica's model. */
  Model model() {
    return model;
  }

  /** Overwrites the replica's parameters (modified in place) with {@code values}. */
  void loadParameters(ParameterValues values) {
    values.copyInto(parameters);
  }

  /** Returns a copy of the replica's parameter values. */
  ParameterValues parameterValues() {
    return ParameterValues.of(parameters);
  }

  /** Returns the live parameter tensors, in the model's order. */
  Tensor[] tensors() {
    Tensor[] t = new Tensor[parameters.size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = parameters.get(i).value();
    }
    return t;
  }
}
