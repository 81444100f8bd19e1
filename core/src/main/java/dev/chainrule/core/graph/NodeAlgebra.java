package dev.chainrule.core.graph;

import dev.chainrule.core.tensor.Permute;
import dev.chainrule.core.tensor.Shape;

/**
 * The operations every {@link Node} offers, written so that model code reads like the seeds:
 * {@code W1.matmul(X).add(b1).tanh().named("A[1]")}. Each method adds one node to the node's graph;
 * the operation itself lives in its own file under {@code dev.chainrule.core.graph.ops}, and so
 * does the one class of node that implements these methods ({@code OpNode}, which the graph makes
 * through the {@link NodeFactory} that package declares): this package names no operation, so the
 * operations may use it without a package cycle. The methods with a scalar operand are written
 * here with the node ones.
 */
public abstract class NodeAlgebra extends AxisAlgebra {
  NodeAlgebra() {}

  /** Returns the literal {@code value} in this node's dtype, so that no rounding comes first. */
  private Node literal(double value) {
    return graph().scalar(value, self().dtype());
  }

  /** Returns this + other, elementwise with broadcasting. */
  public abstract Node add(Node other);

  /** Returns this + c for a scalar c. */
  public final Node add(double c) {
    return add(literal(c));
  }

  /** Returns this − other, elementwise with broadcasting. */
  public abstract Node sub(Node other);

  /** Returns this − c for a scalar c. */
  public final Node sub(double c) {
    return sub(literal(c));
  }

  /** Returns c − this for a scalar c, e.g. {@code a.rsub(1)} for 1 − a. */
  public final Node rsub(double c) {
    return literal(c).sub(self());
  }

  /** Returns this ∘ other, the elementwise (Hadamard) product with broadcasting. */
  public abstract Node mul(Node other);

  /** Returns this · c for a scalar c. */
  public final Node mul(double c) {
    return mul(literal(c));
  }

  /** Returns this / other, elementwise with broadcasting. */
  public abstract Node div(Node other);

  /** Returns this / c for a scalar c. */
  public final Node div(double c) {
    return div(literal(c));
  }

  /** Returns −this. */
  public abstract Node neg();

  /** Returns this raised elementwise to the scalar power p. */
  public abstract Node pow(double p);

  /** Returns this² elementwise. */
  public abstract Node square();

  /** Returns √this elementwise. */
  public abstract Node sqrt();

  /** Returns |this| elementwise. */
  public abstract Node abs();

  /** Returns e^this elementwise. */
  public abstract Node exp();

  /** Returns the natural logarithm of this, elementwise. */
  public abstract Node log();

  /** Returns the matrix product this · other, batched as NumPy's for operands of rank ≥ 3. */
  public final Node matmul(Node other) {
    return matmul(false, other, false);
  }

  /**
   * Returns op(this) · op(other), reading either operand transposed in place when its flag is set;
   * the backward pass uses this to form dZ·Aᵀ without copying. Batched for operands of rank ≥ 3.
   */
  public abstract Node matmul(boolean transposeThis, Node other, boolean transposeOther);

  /** Returns the transpose of a matrix, or the tensor with its axes reversed. */
  public final Node T() {
    return transpose(Permute.reversed(self().shape().rank()));
  }

  /**
   * Returns the tensor with its axes permuted: output axis i is input axis {@code perm[i]}; with
   * no permutation, the axes reversed, as NumPy's {@code x.transpose()} (and {@link #T()}).
   */
  public abstract Node transpose(int... perm);

  /** Returns the same elements in a new shape of equal size. */
  public abstract Node reshape(int... dims);

  /** Returns the tensor repeated along its size-1 and missing leading axes to {@code target}. */
  public abstract Node broadcastTo(Shape target);

  /** Returns the sum over the given axes (all when none), dropping them. */
  public abstract Node sum(int... axes);

  /** Returns the sum over the given axes (all when none), keeping them with size 1. */
  public abstract Node sumKeepDims(int... axes);

  /** Returns the mean over the given axes (all when none), dropping them. */
  public abstract Node mean(int... axes);

  /** Returns the mean over the given axes (all when none), keeping them with size 1. */
  public abstract Node meanKeepDims(int... axes);

  /** Returns the maximum over the given axes (all when none), dropping them. */
  public abstract Node max(int... axes);

  /** Returns the maximum over the given axes (all when none), keeping them with size 1. */
  public abstract Node maxKeepDims(int... axes);

  /** Returns the logistic sigmoid σ(this) = 1 / (1 + e^−this). */
  public abstract Node sigmoid();

  /** Returns tanh(this). */
  public abstract Node tanh();

  /** Returns sin(this), in radians. */
  public abstract Node sin();

  /** Returns cos(this), in radians. */
  public abstract Node cos();

  /** Returns max(0, this) elementwise. */
  public abstract Node relu();

  /** Returns this where positive and α·this elsewhere. */
  public abstract Node leakyRelu(double alpha);

  /** Returns the softmax along {@code axis} (negative counts from the end). */
  public abstract Node softmax(int axis);

  /** Returns the log-softmax along {@code axis} (negative counts from the end). */
  public abstract Node logSoftmax(int axis);

  /** Returns 1 where this &gt; other and 0 elsewhere. */
  public abstract Node gt(Node other);

  /** Returns 1 where this &gt; c and 0 elsewhere. */
  public final Node gt(double c) {
    return gt(literal(c));
  }

  /** Returns 1 where this ≥ other and 0 elsewhere. */
  public abstract Node ge(Node other);

  /** Returns 1 where this &lt; other and 0 elsewhere. */
  public abstract Node lt(Node other);

  /** Returns 1 where this &lt; c and 0 elsewhere. */
  public final Node lt(double c) {
    return lt(literal(c));
  }

  /** Returns 1 where this ≤ other and 0 elsewhere. */
  public abstract Node le(Node other);

  /** Returns 1 where this = other and 0 elsewhere. */
  public abstract Node eq(Node other);

  /**
   * Treating this as a 0/1 condition, returns {@code ifTrue} where it is non-zero, else
   * {@code ifFalse}.
   */
  public abstract Node where(Node ifTrue, Node ifFalse);

  /** Returns log(1 + e^this) elementwise, computed without overflow. */
  public abstract Node softplus();

  /** Returns the GELU of this in its tanh form, ½x(1 + tanh(√(2/π)(x + 0.044715x³))). */
  public abstract Node gelu();

  /** Returns the elementwise maximum of this and other, with broadcasting. */
  public abstract Node maximum(Node other);

  /** Returns the elementwise minimum of this and other, with broadcasting. */
  public abstract Node minimum(Node other);

  /** Returns this clamped into [lo, hi] elementwise; an infinite bound clamps one side only. */
  public abstract Node clamp(double lo, double hi);

  /** Returns log Σ e^this over the given axes (all when none), dropping them; stable. */
  public abstract Node logSumExp(int... axes);

  /** Returns log Σ e^this over the given axes (all when none), keeping them with size 1. */
  public abstract Node logSumExpKeepDims(int... axes);

  /** Returns NumPy's {@code x[r0, r1, …]}: a {@link Range} per leading axis, the rest whole. */
  public abstract Node slice(Range... ranges);

  /** Returns this padded with {@code value} by {@code widths[d] = {before, after}} per axis d. */
  public abstract Node pad(int[][] widths, double value);

  /** Returns the axes permuted as PyTorch's {@code permute}: output axis i is {@code perm[i]}. */
  public abstract Node permute(int... perm);

  /** Returns this without the given axes of size 1, or without every axis of size 1 when none. */
  public abstract Node squeeze(int... axes);

  /** Returns this with a new axis of size 1 at {@code axis} of the result (−1 appends one). */
  public abstract Node unsqueeze(int axis);
}
