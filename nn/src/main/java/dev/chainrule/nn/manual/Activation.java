package dev.chainrule.nn.manual;

import dev.chainrule.core.tensor.Tensor;

/**
 * The activations σ the seeds use, each with its derivative σ′ written out by hand. Elementwise
 * activations have a diagonal Jacobian, so a seed's "δ = ∂L/∂a ⊙ σ′(z)" is exact for them; the
 * softmax (over each column, a column being one sample) is not elementwise, and {@link #backward}
 * gives its true vector-Jacobian product while {@link #derivative} gives only the diagonal p(1 − p)
 * that a ⊙ form would use (seed 000, slip 0.1).
 */
public enum Activation {
  /** σ(z) = 1 / (1 + e^(−z)), σ′(z) = σ(z)(1 − σ(z)). */
  SIGMOID("sigmoid") {
    @Override
    public Tensor apply(Tensor z) {
      return Kernels.sigmoid(z);
    }

    @Override
    public Tensor derivative(Tensor z) {
      Tensor s = Kernels.sigmoid(z);
      return s.mul(Kernels.oneMinus(s));
    }
  },
  /** tanh(z), tanh′(z) = 1 − tanh²(z). */
  TANH("tanh") {
    @Override
    public Tensor apply(Tensor z) {
      return z.map(Math::tanh);
    }

    @Override
    public Tensor derivative(Tensor z) {
      return z.map(v -> 1 - Math.tanh(v) * Math.tanh(v));
    }
  },
  /** max(0, z), derivative 1(z > 0): 0 at z = 0, the convention of chainrule and PyTorch. */
  RELU("relu") {
    @Override
    public Tensor apply(Tensor z) {
      return z.map(v -> v > 0 ? v : 0.0);
    }

    @Override
    public Tensor derivative(Tensor z) {
      return z.map(v -> v > 0 ? 1.0 : 0.0);
    }
  },
  /** The identity z, derivative 1: a layer without activation. */
  IDENTITY("identity") {
    @Override
    public Tensor apply(Tensor z) {
      return z.copy();
    }

    @Override
    public Tensor derivative(Tensor z) {
      return z.map(v -> 1.0);
    }
  },
  /** Softmax over each column; {@link #derivative} is only its Jacobian's diagonal p(1 − p). */
  SOFTMAX("softmax") {
    @Override
    public Tensor apply(Tensor z) {
      return Kernels.softmax(z, 0);
    }

    @Override
    public Tensor derivative(Tensor z) {
      Tensor p = Kernels.softmax(z, 0);
      return p.mul(Kernels.oneMinus(p));
    }

    @Override
    public Tensor backward(Tensor z, Tensor upstream) {
      return Kernels.softmaxBackward(Kernels.softmax(z, 0), upstream, 0);
    }
  };

  private final String label;

  Activation(String label) {
    this.label = label;
  }

  /** Returns the activation's name as used on the command line and in tables, e.g. "tanh". */
  public String label() {
    return label;
  }

  /** Returns a = σ(z). */
  public abstract Tensor apply(Tensor z);

  /** Returns σ′(z) elementwise: the factor a seed's "⊙ σ′(z)" multiplies by. */
  public abstract Tensor derivative(Tensor z);

  /**
   * Returns ∂L/∂z given {@code upstream} = ∂L/∂a, by the chain rule Σ_k ∂L/∂a_k · ∂a_k/∂z_j; for
   * elementwise activations this is {@code upstream ⊙ σ′(z)}.
   */
  public Tensor backward(Tensor z, Tensor upstream) {
    return upstream.mul(derivative(z));
  }
}
