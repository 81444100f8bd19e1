package dev.chainrule.core.exec.train;

import dev.chainrule.core.tensor.Tensor;

/**
 * How a {@link TrainingStep} changes its parameters once the gradients are computed: modifies
 * each parameter tensor in place from the gradient at the same position. An optimizer's state
 * (velocities, moments) lives in the implementation; {@link #sgd()} is plain gradient descent,
 * which a training step fuses into the gradients' matrix products where it can.
 */
@FunctionalInterface
public interface Update {
  /**
   * Modifies {@code parameters[i]} in place from {@code gradients[i]} (read only; they are the
   * plan's buffers) with the given learning rate.
   */
  void applyInPlace(Tensor[] parameters, Tensor[] gradients, double learningRate);

  /** Returns gradient descent, W ← W − η·dW. */
  static Update sgd() {
    return Sgd.INSTANCE;
  }

  /** Gradient descent; the training step recognises it to fuse the update into GEMMs. */
  final class Sgd implements Update {
    static final Sgd INSTANCE = new Sgd();

    private Sgd() {}

    @Override
    public void applyInPlace(Tensor[] parameters, Tensor[] gradients, double learningRate) {
      for (int i = 0; i < parameters.length; i++) {
        parameters[i].addScaledInPlace(-learningRate, gradients[i]);
      }
    }

    @Override
    public String toString() {
      return "sgd";
    }
  }
}
