package dev.chainrule.core.exec.train;

import dev.chainrule.core.tensor.DType;
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

  /** Returns one zero tensor shaped like each parameter, in the parameter's dtype. */
  static Tensor[] zerosLike(Tensor[] parameters) {
    Tensor[] z = new Tensor[parameters.length];
    for (int i = 0; i < z.length; i++) {
      z[i] = Tensor.zeros(parameters[i].shape(), parameters[i].dtype());
    }
    return z;
  }

  /** Returns the sum of the squares of {@code t}'s elements, accumulated in float64. */
  static double sumOfSquares(Tensor t) {
    double sum = 0;
    if (t.dtype() == DType.FLOAT32) {
      for (float v : t.floatBuffer()) {
        sum += (double) v * v;
      }
      return sum;
    }
    for (double v : t.buffer()) {
      sum += v * v;
    }
    return sum;
  }

  /**
   * Checks that the gradients match the parameters in number, shape and dtype, and that the step's
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
      if (gradients[i].dtype() != parameters[i].dtype()) {
        throw new IllegalArgumentException("gradient " + i + " is " + gradients[i].dtype()
            + " but its parameter of shape " + parameters[i].shape() + " is "
            + parameters[i].dtype() + "; an optimizer updates in the parameters' dtype");
      }
    }
  }
}
