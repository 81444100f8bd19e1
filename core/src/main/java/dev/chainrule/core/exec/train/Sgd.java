package dev.chainrule.core.exec.train;

import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Plain gradient descent, the seeds' update rule (seed 000's equation four): W ← W − α·dW. A
 * {@link TrainingStep} runs it inside the gradient's own matrix product where it can (one GEMM
 * with β = 1 writing into W), so that such a gradient is never stored.
 *
 * @param learningRate α
 */
public record Sgd(double learningRate) implements Optimizer {
  /** Checks that α is positive. */
  public Sgd {
    HyperParameters.require("learning rate", learningRate, 0, true);
  }

  @Override
  public String name() {
    return "sgd(lr=" + learningRate + ")";
  }

  @Override
  public OptimizerState start(List<Tensor> parameters) {
    return new CountedState(this, parameters) {
      @Override
      protected void applyInPlace(Tensor[] gradients, double lr) {
        Tensor[] w = tensors();
        for (int i = 0; i < w.length; i++) {
          w[i].addScaledInPlace(-lr, gradients[i]);
        }
      }

      @Override
      protected OptimizerSnapshot live() {
        return live("sgd", Map.of("lr", learningRate), Map.of(), Map.of());
      }
    };
  }
}
