package dev.chainrule.nn.optim;

import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/**
 * Adam (Kingma and Ba, 2015): m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², then with the
 * bias corrections m̂ = m / (1 − β₁ᵗ) and v̂ = v / (1 − β₂ᵗ) at step t (from 1),
 * W ← W − α·m̂ / (√v̂ + ε).
 *
 * @param learningRate α
 * @param beta1 β₁, the decay of the first moment, in [0, 1)
 * @param beta2 β₂, the decay of the second moment, in [0, 1)
 * @param epsilon ε &gt; 0, guarding the division
 */
public record Adam(double learningRate, double beta1, double beta2, double epsilon)
    implements Optimizer {
  /** Checks every hyper-parameter's range. */
  public Adam {
    ParameterBuffers.require("learning rate", learningRate, 0, true);
    ParameterBuffers.require("beta1", beta1, 0, false);
    ParameterBuffers.require("beta2", beta2, 0, false);
    ParameterBuffers.require("epsilon", epsilon, 0, true);
    if (beta1 >= 1 || beta2 >= 1) {
      throw new IllegalArgumentException("beta1 and beta2 must be < 1, got " + beta1 + " and "
          + beta2);
    }
  }

  /** Returns Adam with the paper's defaults β₁ = 0.9, β₂ = 0.999, ε = 1e-8. */
  public static Adam of(double learningRate) {
    return new Adam(learningRate, 0.9, 0.999, 1e-8);
  }

  @Override
  public String name() {
    return "adam(lr=" + learningRate + ", beta1=" + beta1 + ", beta2=" + beta2 + ", eps="
        + epsilon + ")";
  }

  @Override
  public OptimizerState start(List<Tensor> parameters) {
    Tensor[] params = ParameterBuffers.of(parameters);
    Tensor[] first = ParameterBuffers.zerosLike(params);
    Tensor[] second = ParameterBuffers.zerosLike(params);
    double b1 = beta1;
    double b2 = beta2;
    double eps = epsilon;
    return new OptimizerState() {
      private long steps;
      private double b1Power = 1;
      private double b2Power = 1;

      @Override
      public void stepInPlace(Tensor[] gradients, double lr) {
        ParameterBuffers.check(params, gradients);
        steps++;
        b1Power *= b1;
        b2Power *= b2;
        double c1 = 1 - b1Power;
        double c2 = 1 - b2Power;
        for (int i = 0; i < params.length; i++) {
          double[] w = params[i].buffer();
          double[] m = first[i].buffer();
          double[] v = second[i].buffer();
          double[] g = gradients[i].buffer();
          for (int k = 0; k < w.length; k++) {
            m[k] = b1 * m[k] + (1 - b1) * g[k];
            v[k] = b2 * v[k] + (1 - b2) * g[k] * g[k];
            w[k] -= lr * (m[k] / c1) / (Math.sqrt(v[k] / c2) + eps);
          }
        }
      }

      @Override
      public long steps() {
        return steps;
      }
    };
  }
}
