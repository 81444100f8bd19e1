package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeParts;
import dev.chainrule.core.graph.Range;
import dev.chainrule.core.graph.ops.Compare.Relation;
import dev.chainrule.core.tensor.Permute;
import dev.chainrule.core.tensor.Shape;
import java.util.Arrays;

/**
 * The one concrete node class, which every graph makes (through {@link OpNodes}): the bodies of
 * the fluent methods that {@code NodeAlgebra} declares, each building its operation of this
 * package. It lives beside the operations so that the graph package names none of them;
 * {@link AxisAndImageNode} has the operations along one axis and on images.
 */
final class OpNode extends AxisAndImageNode {
  OpNode(NodeParts parts) {
    super(parts);
  }

  /** Returns the axes of a reduction, reporting a bad axis as a shape error of {@code op}. */
  private Axes axes(String op, boolean keepDims, int... axes) {
    try {
      return Axes.of(shape(), keepDims, axes);
    } catch (IllegalArgumentException e) {
      throw shapeError(op, e.getMessage());
    }
  }

  @Override
  public Node add(Node other) {
    return apply(Add.INSTANCE, this, other);
  }

  @Override
  public Node sub(Node other) {
    return apply(Sub.INSTANCE, this, other);
  }

  @Override
  public Node mul(Node other) {
    return apply(Mul.INSTANCE, this, other);
  }

  @Override
  public Node div(Node other) {
    return apply(Div.INSTANCE, this, other);
  }

  @Override
  public Node neg() {
    return apply(Neg.INSTANCE, this);
  }

  @Override
  public Node pow(double p) {
    return apply(new Pow(p), this);
  }

  @Override
  public Node square() {
    return apply(Square.INSTANCE, this);
  }

  @Override
  public Node sqrt() {
    return apply(Sqrt.INSTANCE, this);
  }

  @Override
  public Node abs() {
    return apply(Abs.INSTANCE, this);
  }

  @Override
  public Node exp() {
    return apply(Exp.INSTANCE, this);
  }

  @Override
  public Node log() {
    return apply(Log.INSTANCE, this);
  }

  @Override
  public Node matmul(boolean transposeThis, Node other, boolean transposeOther) {
    if (shape().rank() > 2 || other.shape().rank() > 2) {
      return apply(new BatchMatMul(transposeThis, transposeOther), this, other);
    }
    return apply(new MatMul(transposeThis, transposeOther), this, other);
  }

  @Override
  public Node transpose(int... perm) {
    int[] p = perm.length == 0 ? Permute.reversed(shape().rank()) : perm;
    return apply(new Transpose(p), this);
  }

  @Override
  public Node reshape(int... dims) {
    Shape target;
    try {
      target = Shape.of(dims);
    } catch (IllegalArgumentException e) {
      throw shapeError("reshape", e.getMessage());
    }
    return apply(new Reshape(target), this);
  }

  @Override
  public Node broadcastTo(Shape target) {
    return apply(new BroadcastTo(target), this);
  }

  @Override
  public Node sum(int... axes) {
    return apply(new Sum(axes("sum", false, axes)), this);
  }

  @Override
  public Node sumKeepDims(int... axes) {
    return apply(new Sum(axes("sum", true, axes)), this);
  }

  @Override
  public Node mean(int... axes) {
    return apply(new Mean(axes("mean", false, axes)), this);
  }

  @Override
  public Node meanKeepDims(int... axes) {
    return apply(new Mean(axes("mean", true, axes)), this);
  }

  @Override
  public Node max(int... axes) {
    return apply(new Max(axes("max", false, axes)), this);
  }

  @Override
  public Node maxKeepDims(int... axes) {
    return apply(new Max(axes("max", true, axes)), this);
  }

  @Override
  public Node sigmoid() {
    return apply(Sigmoid.INSTANCE, this);
  }

  @Override
  public Node tanh() {
    return apply(Tanh.INSTANCE, this);
  }

  @Override
  public Node sin() {
    return apply(Sin.INSTANCE, this);
  }

  @Override
  public Node cos() {
    return apply(Cos.INSTANCE, this);
  }

  @Override
  public Node relu() {
    return apply(Relu.INSTANCE, this);
  }

  @Override
  public Node leakyRelu(double alpha) {
    return apply(new LeakyRelu(alpha), this);
  }

  @Override
  public Node softmax(int axis) {
    return apply(new Softmax(axis("softmax", axis)), this);
  }

  @Override
  public Node logSoftmax(int axis) {
    return apply(new LogSoftmax(axis("log_softmax", axis)), this);
  }

  @Override
  public Node gt(Node other) {
    return apply(new Compare(Relation.GT), this, other);
  }

  @Override
  public Node ge(Node other) {
    return apply(new Compare(Relation.GE), this, other);
  }

  @Override
  public Node lt(Node other) {
    return apply(new Compare(Relation.LT), this, other);
  }

  @Override
  public Node le(Node other) {
    return apply(new Compare(Relation.LE), this, other);
  }

  @Override
  public Node eq(Node other) {
    return apply(new Compare(Relation.EQ), this, other);
  }

  @Override
  public Node where(Node ifTrue, Node ifFalse) {
    return apply(Where.INSTANCE, this, ifTrue, ifFalse);
  }

  @Override
  public Node softplus() {
    return apply(Softplus.INSTANCE, this);
  }

  @Override
  public Node gelu() {
    return apply(Gelu.INSTANCE, this);
  }

  @Override
  public Node maximum(Node other) {
    return apply(Maximum.INSTANCE, this, other);
  }

  @Override
  public Node minimum(Node other) {
    return apply(Minimum.INSTANCE, this, other);
  }

  @Override
  public Node clamp(double lo, double hi) {
    return apply(new Clamp(lo, hi), this);
  }

  @Override
  public Node logSumExp(int... axes) {
    return apply(new LogSumExp(axes("logsumexp", false, axes)), this);
  }

  @Override
  public Node logSumExpKeepDims(int... axes) {
    return apply(new LogSumExp(axes("logsumexp", true, axes)), this);
  }

  @Override
  public Node slice(Range... ranges) {
    Shape shape = shape();
    Range[] all = ranges.length < shape.rank() ? Arrays.copyOf(ranges, shape.rank()) : ranges;
    Arrays.setAll(all, d -> all[d] == null ? Range.all() : all[d]);
    return apply(checked("slice", () -> Slice.of(shape, all)), this);
  }

  @Override
  public Node pad(int[][] widths, double value) {
    return apply(checked("pad", () -> Pad.of(shape(), widths, value)), this);
  }

  @Override
  public Node permute(int... perm) {
    return transpose(Arrays.stream(perm).map(a -> axis("permute", a)).toArray());
  }

  @Override
  public Node squeeze(int... axes) {
    Shape target = checked("squeeze", () -> SqueezeShapes.squeezed(shape(), axes));
    return apply(new Reshape(target), this);
  }

  @Override
  public Node unsqueeze(int axis) {
    Shape target = checked("unsqueeze", () -> SqueezeShapes.unsqueezed(shape(), axis));
    return apply(new Reshape(target), this);
  }
}
