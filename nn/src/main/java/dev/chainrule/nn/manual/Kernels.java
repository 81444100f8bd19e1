package dev.chainrule.nn.manual;

import dev.chainrule.core.tensor.Tensor;

/** The few elementwise and reduction helpers the manual formulas share, on Tensor kernels only. */
final class Kernels {
  private Kernels() {}

  /** Returns 1 − x elementwise. */
  static Tensor oneMinus(Tensor x) {
    return x.map(v -> 1 - v);
  }

  /** Returns the logistic sigmoid 1 / (1 + e^(−z)) elementwise. */
  static Tensor sigmoid(Tensor z) {
    return z.map(v -> 1 / (1 + Math.exp(-v)));
  }

  /** Returns the softmax along {@code axis} of a matrix: exp(z − max z) / Σ exp(z − max z). */
  static Tensor softmax(Tensor z, int axis) {
    Tensor shifted = z.sub(keep(z.max(axis), z, axis));
    Tensor e = shifted.map(Math::exp);
    return e.div(e.sumKeepDims(axis));
  }

  /** Returns the softmax's vector-Jacobian product p ∘ (g − Σ_axis g ∘ p). */
  static Tensor softmaxBackward(Tensor p, Tensor upstream, int axis) {
    return p.mul(upstream.sub(upstream.mul(p).sumKeepDims(axis)));
  }

  /** Returns the mean along {@code axis}, keeping the axis with size 1. */
  static Tensor meanKeep(Tensor x, int axis) {
    return x.sumKeepDims(axis).mul(1.0 / x.shape().dim(axis));
  }

  /** Returns a reduction of {@code like} over {@code axis} with that axis put back as size 1. */
  private static Tensor keep(Tensor reduced, Tensor like, int axis) {
    int[] dims = like.shape().dims();
    dims[axis] = 1;
    return reduced.reshape(dims);
  }
}
