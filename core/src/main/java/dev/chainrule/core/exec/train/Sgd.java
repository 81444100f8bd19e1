package dev.chainrule.core.exec.train;

import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Plain gradient descent, the seeds' update rule (seed 000's equation four): W ← W − α·dW.
 *
 * @param learningRate α
 */
public record Sgd(double learningRate) implements Optimizer {
  /** Checks that α is positive. */
  public Sgd {
    ParameterBuffers.require("learning rate", learningRate, 0, true);
  }

  @Override
  public String name() {
    return "sgd(lr=" + learningRate + ")";
  }

  @Override
  public OptimizerState start(List<Tensor> parameters) {
    Tensor[] params = ParameterBuffers.of(parameters);
    return new CountedState() {

      @Override
      public void stepInPlace(Tensor[] gradients, double lr) {
        ParameterBuffers.check(params, gradients, lr);
        for (int i = 0; i < params.length; i++) {
          params[i].addScaledInPlace(-lr, gradients[i]);
        }
        steps++;
      }

      @Override
      protected OptimizerSnapshot live() {
        return SnapshotRestore.live("sgd", Map.of("lr", learningRate), steps, Map.of(),
            Map.of());
      }
    };
  }
}
