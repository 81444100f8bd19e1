package dev.chainrule.core.graph;

import dev.chainrule.core.graph.ops.Add;
import dev.chainrule.core.graph.ops.Axes;
import dev.chainrule.core.graph.ops.BroadcastTo;
import dev.chainrule.core.graph.ops.Compare;
import dev.chainrule.core.graph.ops.Cos;
import dev.chainrule.core.graph.ops.Compare.Relation;
import dev.chainrule.core.graph.ops.Div;
import dev.chainrule.core.graph.ops.Exp;
import dev.chainrule.core.graph.ops.LeakyRelu;
import dev.chainrule.core.graph.ops.Log;
import dev.chainrule.core.graph.ops.LogSoftmax;
import dev.chainrule.core.graph.ops.MatMul;
import dev.chainrule.core.graph.ops.Max;
import dev.chainrule.core.graph.ops.Mean;
import dev.chainrule.core.graph.ops.Mul;
import dev.chainrule.core.graph.ops.Neg;
import dev.chainrule.core.graph.ops.Pow;
import dev.chainrule.core.graph.ops.Relu;
import dev.chainrule.core.graph.ops.Reshape;
import dev.chainrule.core.graph.ops.Sigmoid;
import dev.chainrule.core.graph.ops.Sin;
import dev.chainrule.core.graph.ops.Softmax;
import dev.chainrule.core.graph.ops.Sqrt;
import dev.chainrule.core.graph.ops.Square;
import dev.chainrule.core.graph.ops.Sub;
import dev.chainrule.core.graph.ops.Sum;
import dev.chainrule.core.graph.ops.Tanh;
import dev.chainrule.core.graph.ops.Transpose;
import dev.chainrule.core.graph.ops.Where;
import dev.chainrule.core.graph.ops.Abs;
import dev.chainrule.core.graph.ops.BatchMatMul;
import dev.chainrule.core.graph.ops.Clamp;
import dev.chainrule.core.graph.ops.Gelu;
import dev.chainrule.core.graph.ops.LogSumExp;
import dev.chainrule.core.graph.ops.Maximum;
import dev.chainrule.core.graph.ops.Minimum;
import dev.chainrule.core.graph.ops.Pad;
import dev.chainrule.core.graph.ops.Range;
import dev.chainrule.core.graph.ops.Slice;
import dev.chainrule.core.graph.ops.Softplus;
import dev.chainrule.core.graph.ops.SqueezeShapes;
import dev.chainrule.core.tensor.Permute;
import dev.chainrule.core.tensor.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The operations every {@link Node} offers, written so that model code reads like the seeds:
 * {@code W1.matmul(X).add(b1).tanh().named("A[1]")}. Each method adds one node to the node's graph;
 * the operation itself lives in its own file under {@code dev.chainrule.core.graph.ops}.
 */
public abstract class NodeAlgebra extends AxisAlgebra {
  NodeAlgebra() {}

  abstract Node self();

  /** Returns the graph the node belongs to. */
  public abstract Graph graph();

  private Node apply(dev.chainrule.core.graph.Op op, Node... inputs) {
    return graph().apply(op, inputs);
  }

  /** Returns the literal {@code value} in this node's dtype, so that no rounding comes first. */
  private Node literal(double value) {
    return graph().scalar(value, self().dtype());
  }

  /** Returns the axes of a reduction, reporting a bad axis as a shape error of {@code op}. */
  private Axes axes(String op, boolean keepDims, int... axes) {
    try {
      return Axes.of(self().shape(), keepDims, axes);
    } catch (IllegalArgumentException e) {
      throw graph().shapeError(op, List.of(self()), e.getMessage());
    }
  }

  /** Returns {@code axis} counted from 0, reporting a bad axis as a shape error of {@code op}. */
  private int axis(String op, int axis) {
    try {
      return self().shape().normalizeAxis(axis);
    } catch (IllegalArgumentException e) {
      throw graph().shapeError(op, List.of(self()), e.getMessage());
    }
  }

  /** Returns this + other, elementwise with broadcasting. */
  public Node add(Node other) {
    return apply(Add.INSTANCE, self(), other);
  }

  /** Returns this + c for a scalar c. */
  public Node add(double c) {
    return add(literal(c));
  }

  /** Returns this − other, elementwise with broadcasting. */
  public Node sub(Node other) {
    return apply(Sub.INSTANCE, self(), other);
  }

  /** Returns this − c for a scalar c. */
  public Node sub(double c) {
    return sub(literal(c));
  }

  /** Returns c − this for a scalar c, e.g. {@code a.rsub(1)} for 1 − a. */
  public Node rsub(double c) {
    return literal(c).sub(self());
  }

  /** Returns this ∘ other, the elementwise (Hadamard) product with broadcasting. */
  public Node mul(Node other) {
    return apply(Mul.INSTANCE, self(), other);
  }

  /** Returns this · c for a scalar c. */
  public Node mul(double c) {
    return mul(literal(c));
  }

  /** Returns this / other, elementwise with broadcasting. */
  public Node div(Node other) {
    return apply(Div.INSTANCE, self(), other);
  }

  /** Returns this / c for a scalar c. */
  public Node div(double c) {
    return div(literal(c));
  }

  /** Returns −this. */
  public Node neg() {
    return apply(Neg.INSTANCE, self());
  }

  /** Returns this raised elementwise to the scalar power p. */
  public Node pow(double p) {
    return apply(new Pow(p), self());
  }

  /** Returns this² elementwise. */
  public Node square() {
    return apply(Square.INSTANCE, self());
  }

  /** Returns √this elementwise. */
  public Node sqrt() {
    return apply(Sqrt.INSTANCE, self());
  }

  /** Returns |this| elementwise. */
  public Node abs() {
    return apply(Abs.INSTANCE, self());
  }

  /** Returns e^this elementwise. */
  public Node exp() {
    return apply(Exp.INSTANCE, self());
  }

  /** Returns the natural logarithm of this, elementwise. */
  public Node log() {
    return apply(Log.INSTANCE, self());
  }

  /** Returns the matrix product this · other, batched as NumPy's for operands of rank ≥ 3. */
  public Node matmul(Node other) {
    return matmul(false, other, false);
  }

  /**
   * Returns op(this) · op(other), reading either operand transposed in place when its flag is set;
   * the backward pass uses this to form dZ·Aᵀ without copying. Batched for operands of rank ≥ 3.
   */
  public Node matmul(boolean transposeThis, Node other, boolean transposeOther) {
    if (self().shape().rank() > 2 || other.shape().rank() > 2) {
      return apply(new BatchMatMul(transposeThis, transposeOther), self(), other);
    }
    return apply(new MatMul(transposeThis, transposeOther), self(), other);
  }

  /** Returns the transpose of a matrix, or the tensor with its axes reversed. */
  public Node T() {
    return transpose(Permute.reversed(self().shape().rank()));
  }

  /**
   * Returns the tensor with its axes permuted: output axis i is input axis {@code perm[i]}; with
   * no permutation, the axes reversed, as NumPy's {@code x.transpose()} (and {@link #T()}).
   */
  public Node transpose(int... perm) {
    int[] p = perm.length == 0 ? Permute.reversed(self().shape().rank()) : perm;
    return apply(new Transpose(p), self());
  }

  /** Returns the same elements in a new shape of equal size. */
  public Node reshape(int... dims) {
    Shape target;
    try {
      target = Shape.of(dims);
    } catch (IllegalArgumentException e) {
      throw graph().shapeError("reshape", List.of(self()), e.getMessage());
    }
    return apply(new Reshape(target), self());
  }

  /** Returns the tensor repeated along its size-1 and missing leading axes to {@code target}. */
  public Node broadcastTo(Shape target) {
    return apply(new BroadcastTo(target), self());
  }

  /** Returns the sum over the given axes (all when none), dropping them. */
  public Node sum(int... axes) {
    return apply(new Sum(axes("sum", false, axes)), self());
  }

  /** Returns the sum over the given axes (all when none), keeping them with size 1. */
  public Node sumKeepDims(int... axes) {
    return apply(new Sum(axes("sum", true, axes)), self());
  }

  /** Returns the mean over the given axes (all when none), dropping them. */
  public Node mean(int... axes) {
    return apply(new Mean(axes("mean", false, axes)), self());
  }

  /** Returns the mean over the given axes (all when none), keeping them with size 1. */
  public Node meanKeepDims(int... axes) {
    return apply(new Mean(axes("mean", true, axes)), self());
  }

  /** Returns the maximum over the given axes (all when none), dropping them. */
  public Node max(int... axes) {
    return apply(new Max(axes("max", false, axes)), self());
  }

  /** Returns the maximum over the given axes (all when none), keeping them with size 1. */
  public Node maxKeepDims(int... axes) {
    return apply(new Max(axes("max", true, axes)), self());
  }

  /** Returns the logistic sigmoid σ(this) = 1 / (1 + e^−this). */
  public Node sigmoid() {
    return apply(Sigmoid.INSTANCE, self());
  }

  /** Returns tanh(this). */
  public Node tanh() {
    return apply(Tanh.INSTANCE, self());
  }

  /** Returns sin(this), in radians. */
  public Node sin() {
    return apply(Sin.INSTANCE, self());
  }

  /** Returns cos(this), in radians. */
  public Node cos() {
    return apply(Cos.INSTANCE, self());
  }

  /** Returns max(0, this) elementwise. */
  public Node relu() {
    return apply(Relu.INSTANCE, self());
  }

  /** Returns this where positive and α·this elsewhere. */
  public Node leakyRelu(double alpha) {
    return apply(new LeakyRelu(alpha), self());
  }

  /** Returns the softmax along {@code axis} (negative counts from the end). */
  public Node softmax(int axis) {
    return apply(new Softmax(axis("softmax", axis)), self());
  }

  /** Returns the log-softmax along {@code axis} (negative counts from the end). */
  public Node logSoftmax(int axis) {
    return apply(new LogSoftmax(axis("log_softmax", axis)), self());
  }

  /** Returns 1 where this &gt; other and 0 elsewhere. */
  public Node gt(Node other) {
    return apply(new Compare(Relation.GT), self(), other);
  }

  /** Returns 1 where this &gt; c and 0 elsewhere. */
  public Node gt(double c) {
    return gt(literal(c));
  }

  /** Returns 1 where this ≥ other and 0 elsewhere. */
  public Node ge(Node other) {
    return apply(new Compare(Relation.GE), self(), other);
  }

  /** Returns 1 where this &lt; other and 0 elsewhere. */
  public Node lt(Node other) {
    return apply(new Compare(Relation.LT), self(), other);
  }

  /** Returns 1 where this &lt; c and 0 elsewhere. */
  public Node lt(double c) {
    return lt(literal(c));
  }

  /** Returns 1 where this ≤ other and 0 elsewhere. */
  public Node le(Node other) {
    return apply(new Compare(Relation.LE), self(), other);
  }

  /** Returns 1 where this = other and 0 elsewhere. */
  public Node eq(Node other) {
    return apply(new Compare(Relation.EQ), self(), other);
  }

  /** Treating this as a 0/1 condition, returns {@code ifTrue} where it is non-zero, else {@code ifFalse}. */
  public Node where(Node ifTrue, Node ifFalse) {
    return apply(Where.INSTANCE, self(), ifTrue, ifFalse);
  }

  /** Returns what {@code attributes} computes, reporting its error as a shape error of {@code op}. */
  private <T> T checked(String op, Supplier<T> attributes) {
    try {
      return attributes.get();
    } catch (IllegalArgumentException e) {
      throw graph().shapeError(op, List.of(self()), e.getMessage());
    }
  }

  /** Returns log(1 + e^this) elementwise, computed without overflow. */
  public Node softplus() {
    return apply(Softplus.INSTANCE, self());
  }

  /** Returns the GELU of this in its tanh form, ½x(1 + tanh(√(2/π)(x + 0.044715x³))). */
  public Node gelu() {
    return apply(Gelu.INSTANCE, self());
  }

  /** Returns the elementwise maximum of this and other, with broadcasting. */
  public Node maximum(Node other) {
    return apply(Maximum.INSTANCE, self(), other);
  }

  /** Returns the elementwise minimum of this and other, with broadcasting. */
  public Node minimum(Node other) {
    return apply(Minimum.INSTANCE, self(), other);
  }

  /** Returns this clamped into [lo, hi] elementwise; an infinite bound clamps one side only. */
  public Node clamp(double lo, double hi) {
    return apply(new Clamp(lo, hi), self());
  }

  /** Returns log Σ e^this over the given axes (all when none), dropping them; stable. */
  public Node logSumExp(int... axes) {
    return apply(new LogSumExp(axes("logsumexp", false, axes)), self());
  }

  /** Returns log Σ e^this over the given axes (all when none), keeping them with size 1. */
  public Node logSumExpKeepDims(int... axes) {
    return apply(new LogSumExp(axes("logsumexp", true, axes)), self());
  }

  /** Returns NumPy's {@code x[r0, r1, …]}: a {@link Range} per leading axis, the rest whole. */
  public Node slice(Range... ranges) {
    Shape shape = self().shape();
    Range[] all = ranges.length < shape.rank() ? Arrays.copyOf(ranges, shape.rank()) : ranges;
    Arrays.setAll(all, d -> all[d] == null ? Range.all() : all[d]);
    return apply(checked("slice", () -> Slice.of(shape, all)), self());
  }

  /** Returns this padded with {@code value} by {@code widths[d] = {before, after}} per axis d. */
  public Node pad(int[][] widths, double value) {
    return apply(checked("pad", () -> Pad.of(self().shape(), widths, value)), self());
  }

  /** Returns the axes permuted as PyTorch's {@code permute}: output axis i is {@code perm[i]}. */
  public Node permute(int... perm) {
    return transpose(Arrays.stream(perm).map(a -> axis("permute", a)).toArray());
  }

  /** Returns this without the given axes of size 1, or without every axis of size 1 when none. */
  public Node squeeze(int... axes) {
    Shape target = checked("squeeze", () -> SqueezeShapes.squeezed(self().shape(), axes));
    return apply(new Reshape(target), self());
  }

  /** Returns this with a new axis of size 1 at {@code axis} of the result (−1 appends one). */
  public Node unsqueeze(int axis) {
    Shape target = checked("unsqueeze", () -> SqueezeShapes.unsqueezed(self().shape(), axis));
    return apply(new Reshape(target), self());
  }
}
