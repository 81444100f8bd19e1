package dev.chainrule.nn.optim;

import dev.chainrule.core.exec.train.CountedState;
import dev.chainrule.core.exec.train.HyperParameters;
import dev.chainrule.core.exec.train.Optimizer;
import dev.chainrule.core.exec.train.OptimizerSnapshot;
import dev.chainrule.core.exec.train.OptimizerState;
import dev.chainrule.core.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gradient descent with (heavy-ball) momentum, in the form PyTorch uses: v ← μ·v + dW, then
 * W ← W − α·v, with v starting at 0.
 *
 * @param learningRate α
 * @param momentum μ, in [0, 1)
 */
public record Momentum(double learningRate, double momentum) implements Optimizer {
  /** Checks α &gt; 0 and 0 ≤ μ &lt; 1. */
  public Momentum {
    HyperParameters.require("learning rate", learningRate, 0, true);
    HyperParameters.requireDecay("momentum μ", momentum);
  }

  /** Returns momentum 0.9 with learning rate {@code learningRate}. */
  public static Momentum of(double learningRate) {
    return new Momentum(learningRate, 0.9);
  }

  @Override
  public String name() {
    return "momentum(lr=" + learningRate + ", mu=" + momentum + ")";
  }

  @Override
  public OptimizerState start(List<Tensor> parameters) {
    double mu = momentum;
    return new CountedState(this, parameters) {
      private final Tensor[] velocity = zerosLikeParameters();

      @Override
      protected void applyInPlace(Tensor[] gradients, double lr) {
        Tensor[] params = tensors();
        for (int i = 0; i < params.length; i++) {
          double[] w = params[i].buffer();
          double[] v = velocity[i].buffer();
          double[] g = gradients[i].buffer();
          for (int k = 0; k < w.length; k++) {
            v[k] = mu * v[k] + g[k];
            w[k] -= lr * v[k];
          }
        }
      }

      @Override
      protected OptimizerSnapshot live() {
        Map<String, Double> settings = new LinkedHashMap<>();
        settings.put("lr", learningRate);
        settings.put("mu", mu);
        return live("momentum", settings, Map.of(), Map.of("velocity", velocity));
      }
    };
  }
}
