package dev.chainrule.core.exec.train;

import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/** Shared checks and buffer allocation for the optimizer states. */
final class ParameterBuffers {
  private ParameterBuffers() {}

  /** Returns the parameters as an array after checking they are present. */
  static Tensor[] of(List<Tensor> parameters) {
    if (parameters.isEmpty()) {
      throw new IllegalArgumentException("an optimizer needs at least one parameter tensor");
    }
    return parameters.toArray(new Tensor[0]);
  }

  /** Returns one zero tensor shaped like each parameter. */
  static Tensor[] zerosLike(Tensor[] parameters) {
    Tensor[] z = new Tensor[parameters.length];
    for (int i = 0; i < z.length; i++) {
      z[i] = Tensor.zeros(parameters[i].shape());
    }
    return z;
  }

  /**
   * Checks that the gradients match the parameters in number and shape, and that the step's
   * learning rate is a finite number &gt; 0, the rule of the optimizers' base rate too.
   */
  static void check(Tensor[] parameters, Tensor[] gradients, double learningRate) {
    HyperParameters.require("learning rate", learningRate, 0, true);
    if (gradients.length != parameters.length) {
      throw new IllegalArgumentException("got " + gradients.length + " gradients for "
          + parameters.length + " parameters");
    }
    for (int i = 0; i < parameters.length; i++) {
      if (!gradients[i].shape().equals(parameters[i].shape())) {
        throw new IllegalArgumentException("gradient " + i + " has shape " + gradients[i].shape()
            + " but its parameter has shape " + parameters[i].shape());
      }
    }
  }
}
