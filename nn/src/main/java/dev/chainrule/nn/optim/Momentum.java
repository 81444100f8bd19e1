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
 * Gradient descent with (heavy-ball) momentum, in the form PyTorch uses: v ← μ·v + dW, then
 * W ← W − α·v, with v starting at 0. Velocities have the parameters' dtype; in float32 the update
 * runs in float arithmetic, as PyTorch's float32 SGD with momentum does.
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
          if (params[i].dtype() == DType.FLOAT32) {
            update(params[i].floatBuffer(), velocity[i].floatBuffer(),
                gradients[i].floatBuffer(), mu, lr);
          } else {
            update(params[i].buffer(), velocity[i].buffer(), gradients[i].buffer(), mu, lr);
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

  /** v ← μ·v + g, then w ← w − α·v, over float64 storage; modifies {@code w} and {@code v}. */
  private static void update(double[] w, double[] v, double[] g, double mu, double lr) {
    for (int k = 0; k < w.length; k++) {
      v[k] = mu * v[k] + g[k];
      w[k] -= lr * v[k];
    }
  }

  /**
   * The same update over float32 storage in float arithmetic, as a float32 framework does (μ and α
   * rounded to float once per step): modifies {@code w} and {@code v}. Each new value carries a
   * few float roundings where the float64 formula rounded once would carry one; converting every
   * element to double and back would cost the float32 path the speed it is for.
   */
  private static void update(float[] w, float[] v, float[] g, double mu, double lr) {
    float fmu = (float) mu;
    float flr = (float) lr;
    for (int k = 0; k < w.length; k++) {
      float vk = fmu * v[k] + g[k];
      v[k] = vk;
      w[k] -= flr * vk;
    }
  }
}
