package dev.chainrule.core.exec.train;

import dev.chainrule.core.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gradient clipping by global norm around any optimizer: before each update the gradients of all
 * parameters are scaled together by min(1, c / (‖g‖ + 10⁻⁶)), where ‖g‖ is the Euclidean norm of
 * all of them as one vector and c the largest norm allowed, as PyTorch's {@code
 * clip_grad_norm_} does; then {@code inner} updates from the scaled gradients. It keeps recurrent
 * networks trained by back-propagation through time from exploding. A step with clipping
 * needs every gradient before the first update, so a {@link TrainingStep} runs it after its plan
 * rather than inside the gradients' matrix products as for plain {@link Sgd}; gradients within
 * the bound are passed on as they are, without a copy.
 *
 * @param inner the update rule applied to the clipped gradients
 * @param maxNorm c, the largest global gradient norm let through, &gt; 0
 */
public record ClippedByGlobalNorm(Optimizer inner, double maxNorm) implements Optimizer {
  /** The setting under which snapshots and checkpoints record c. */
  public static final String SETTING = "max_grad_norm";
  /** The term added to the norm before dividing, PyTorch's 10⁻⁶. */
  public static final double EPSILON = 1e-6;

  /** Checks that there is an inner rule and that c is a finite number &gt; 0. */
  public ClippedByGlobalNorm {
    if (inner == null) {
      throw new IllegalArgumentException("gradient clipping needs an optimizer to apply the "
          + "clipped gradients, e.g. new Sgd(0.1).clippedByGlobalNorm(1.0)");
    }
    HyperParameters.require("maximum gradient norm", maxNorm, 0, true);
  }

  @Override
  public String name() {
    return inner.name() + " with gradients clipped to global norm " + maxNorm;
  }

  @Override
  public double learningRate() {
    return inner.learningRate();
  }

  @Override
  public OptimizerState start(List<Tensor> parameters) {
    return new Clipped(inner.start(parameters));
  }

  /**
   * Returns the factor min(1, c / (‖g‖ + 10⁻⁶)) by which {@code gradients} are scaled, 1 when
   * their norm is not finite (the update then fails as it would without clipping). The norm is
   * accumulated in float64 for gradients of either dtype.
   */
  public double factor(Tensor[] gradients) {
    double sum = 0;
    for (Tensor g : gradients) {
      sum += ParameterBuffers.sumOfSquares(g);
    }
    double norm = Math.sqrt(sum);
    double f = maxNorm / (norm + EPSILON);
    return Double.isFinite(norm) && f < 1 ? f : 1;
  }

  /** The inner rule's state, fed scaled copies of the gradients when they exceed the bound. */
  private final class Clipped implements OptimizerState {
    private final OptimizerState state;
    private final Tensor[] scaled;

    Clipped(OptimizerState state) {
      this.state = state;
      this.scaled = ParameterBuffers.zerosLike(state.parameters().toArray(new Tensor[0]));
    }

    @Override
    public Optimizer optimizer() {
      return ClippedByGlobalNorm.this;
    }

    @Override
    public List<Tensor> parameters() {
      return state.parameters();
    }

    @Override
    public void stepInPlace(Tensor[] gradients, double learningRate) {
      ParameterBuffers.check(scaled, gradients, learningRate);
      double f = factor(gradients);
      if (f == 1) {
        state.stepInPlace(gradients, learningRate);
        return;
      }
      for (int i = 0; i < scaled.length; i++) {
        scaled[i].copyFromInPlace(gradients[i]);
        scaled[i].scaleInPlace(f);
      }
      state.stepInPlace(scaled, learningRate);
    }

    @Override
    public long steps() {
      return state.steps();
    }

    @Override
    public OptimizerSnapshot snapshot() {
      OptimizerSnapshot s = state.snapshot();
      Map<String, Double> settings = new LinkedHashMap<>(s.settings());
      settings.put(SETTING, maxNorm);
      return new OptimizerSnapshot(s.kind(), settings, s.steps(), s.scalars(), s.slots());
    }

    @Override
    public void restoreInPlace(OptimizerSnapshot saved) {
      Double c = saved.settings().get(SETTING);
      if (c == null || c != maxNorm) {
        throw new IllegalArgumentException("the saved optimizer " + saved.description()
            + (c == null ? " did not clip its gradients" : " clipped gradients to global norm " + c)
            + ", but this one is " + name());
      }
      Map<String, Double> settings = new LinkedHashMap<>(saved.settings());
      settings.remove(SETTING);
      state.restoreInPlace(new OptimizerSnapshot(saved.kind(), settings, saved.steps(),
          saved.scalars(), saved.slots()));
    }
  }
}
