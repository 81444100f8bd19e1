package dev.chainrule.nn.optim;

import dev.chainrule.core.exec.train.CountedState;
import dev.chainrule.core.exec.train.HyperParameters;
import dev.chainrule.core.exec.train.Optimizer;
import dev.chainrule.core.exec.train.OptimizerSnapshot;
import dev.chainrule.core.exec.train.OptimizerState;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma and Ba, 2015): m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², then with the
 * bias corrections m̂ = m / (1 − β₁ᵗ) and v̂ = v / (1 − β₂ᵗ) at step t (from 1),
 * W ← W − α·m̂ / (√v̂ + ε). The moments have the parameters' dtype; in float32 the update runs in
 * float arithmetic, as PyTorch's does (β₁ᵗ and β₂ᵗ stay float64).
 *
 * @param learningRate α
 * @param beta1 β₁, the decay of the first moment, in [0, 1)
 * @param beta2 β₂, the decay of the second moment, in [0, 1)
 * @param epsilon ε &gt; 0, guarding the division
 */
public record Adam(double learningRate, double beta1, double beta2, double epsilon)
    implements Optimizer {
  private static final String BETA1_POWER = "beta1^t";
  private static final String BETA2_POWER = "beta2^t";

  /** Checks every hyper-parameter's range. */
  public Adam {
    HyperParameters.require("learning rate", learningRate, 0, true);
    HyperParameters.requireDecay("beta1", beta1);
    HyperParameters.requireDecay("beta2", beta2);
    HyperParameters.require("epsilon", epsilon, 0, true);
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
    double b1 = beta1;
    double b2 = beta2;
    double eps = epsilon;
    Rule rule = new Rule(b1, b2, eps);
    return new CountedState(this, parameters) {
      private final Tensor[] first = zerosLikeParameters();
      private final Tensor[] second = zerosLikeParameters();
      private double b1Power = 1;
      private double b2Power = 1;

      @Override
      protected void applyInPlace(Tensor[] gradients, double lr) {
        b1Power *= b1;
        b2Power *= b2;
        double c1 = 1 - b1Power;
        double c2 = 1 - b2Power;
        Tensor[] params = tensors();
        for (int i = 0; i < params.length; i++) {
          if (params[i].dtype() == DType.FLOAT32) {
            rule.update(params[i].floatBuffer(), first[i].floatBuffer(), second[i].floatBuffer(),
                gradients[i].floatBuffer(), lr, c1, c2);
          } else {
            rule.update(params[i].buffer(), first[i].buffer(), second[i].buffer(),
                gradients[i].buffer(), lr, c1, c2);
          }
        }
      }

      @Override
      protected void restoreScalars(OptimizerSnapshot saved) {
        b1Power = saved.scalars().get(BETA1_POWER);
        b2Power = saved.scalars().get(BETA2_POWER);
      }

      @Override
      protected OptimizerSnapshot live() {
        Map<String, Double> settings = new LinkedHashMap<>();
        settings.put("lr", learningRate);
        settings.put("beta1", b1);
        settings.put("beta2", b2);
        settings.put("eps", eps);
        Map<String, Double> scalars = new LinkedHashMap<>();
        scalars.put(BETA1_POWER, b1Power);
        scalars.put(BETA2_POWER, b2Power);
        Map<String, Tensor[]> buffers = new LinkedHashMap<>();
        buffers.put("m", first);
        buffers.put("v", second);
        return live("adam", settings, scalars, buffers);
      }
    };
  }

  /** The update of one tensor with decays β₁, β₂ and ε, in each dtype's storage. */
  private record Rule(double b1, double b2, double eps) {
    /**
     * Updates float64 storage with learning rate {@code lr} and bias corrections c₁ = 1 − β₁ᵗ,
     * c₂ = 1 − β₂ᵗ: modifies {@code w}, {@code m} and {@code v}.
     */
    void update(double[] w, double[] m, double[] v, double[] g, double lr, double c1,
        double c2) {
      for (int k = 0; k < w.length; k++) {
        m[k] = b1 * m[k] + (1 - b1) * g[k];
        v[k] = b2 * v[k] + (1 - b2) * g[k] * g[k];
        w[k] -= lr * (m[k] / c1) / (Math.sqrt(v[k] / c2) + eps);
      }
    }

    /**
     * Updates float32 storage in float arithmetic, as a float32 framework does (the step size
     * α/(1 − β₁ᵗ) and 1/(1 − β₂ᵗ) computed in float64 and rounded once per step): modifies {@code
     * w}, {@code m} and {@code v}. Converting every element to double and back made the loop five
     * times slower than this one and than the float64 loop, and Fashion-MNIST's float32 epochs
     * slower than float64's.
     */
    void update(float[] w, float[] m, float[] v, float[] g, double lr, double c1, double c2) {
      float fb1 = (float) b1;
      float fa1 = (float) (1 - b1);
      float fb2 = (float) b2;
      float fa2 = (float) (1 - b2);
      float step = (float) (lr / c1);
      float inverseC2 = (float) (1 / c2);
      float feps = (float) eps;
      for (int k = 0; k < w.length; k++) {
        float gk = g[k];
        float mk = fb1 * m[k] + fa1 * gk;
        float vk = fb2 * v[k] + fa2 * gk * gk;
        m[k] = mk;
        v[k] = vk;
        w[k] -= step * mk / ((float) Math.sqrt(vk * inverseC2) + feps);
      }
    }
  }
}
