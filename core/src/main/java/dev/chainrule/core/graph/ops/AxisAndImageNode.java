package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.CreationSite;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeParts;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Window2d;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The first half of the one concrete node class: the bodies of the methods of {@code AxisAlgebra}
 * and {@code ImageAlgebra} (the operations along one axis and on images) and of {@code cast}, and
 * the checks of attributes every method shares. {@link OpNode} has the rest; the split only keeps
 * each file small.
 */
abstract class AxisAndImageNode extends Node {
  AxisAndImageNode(NodeParts parts) {
    super(parts);
  }

  /** Returns a new node of this node's graph: {@code op} applied to {@code inputs}. */
  final Node apply(Op op, Node... inputs) {
    return graph().apply(op, inputs);
  }

  /** Returns {@code axis} counted from 0, reporting a bad axis as a shape error of {@code op}. */
  final int axis(String op, int axis) {
    try {
      return shape().normalizeAxis(axis);
    } catch (IllegalArgumentException e) {
      throw shapeError(op, e.getMessage());
    }
  }

  /**
   * Returns what {@code attributes} computes, reporting its error as a shape error of {@code op}.
   */
  final <T> T checked(String op, Supplier<T> attributes) {
    try {
      return attributes.get();
    } catch (IllegalArgumentException e) {
      throw shapeError(op, e.getMessage());
    }
  }

  @Override
  public Node cast(DType type) {
    return apply(new Cast(type), this);
  }

  @Override
  public Node gather(Node indices, int axis) {
    int a = axis("gather", axis);
    String origin = "gather of " + name() + " " + shape() + " by " + indices.name() + " "
        + indices.shape() + " (at " + CreationSite.here() + ")";
    return apply(new Gather(a, origin), this, indices);
  }

  @Override
  public Node concat(int axis, Node... others) {
    return apply(new Concat(axis("concat", axis)), joined(others));
  }

  @Override
  public Node stack(int axis, Node... others) {
    int rank = shape().rank();
    int a = axis < 0 ? axis + rank + 1 : axis;
    if (a < 0 || a > rank) {
      throw shapeError("stack", "axis " + axis + " is out of range for stacking tensors of rank "
          + rank + " (use -" + (rank + 1) + " to " + rank + ")");
    }
    return apply(new Stack(a), joined(others));
  }

  @Override
  public List<Node> split(int axis, int... sizes) {
    int a = axis("split", axis);
    int total = 0;
    for (int s : sizes) {
      total += s;
    }
    if (sizes.length == 0 || total != shape().dim(a)) {
      throw shapeError("split", "the parts' sizes " + Arrays.toString(sizes) + " add up to "
          + total + ", but axis " + a + " has " + shape().dim(a) + " positions");
    }
    List<Node> parts = new ArrayList<>();
    int start = 0;
    for (int s : sizes) {
      parts.add(apply(new Split(a, start, s), this));
      start += s;
    }
    return parts;
  }

  @Override
  public Node diag() {
    return apply(Diag.INSTANCE, this);
  }

  private Node[] joined(Node... others) {
    Node[] all = new Node[others.length + 1];
    all[0] = this;
    System.arraycopy(others, 0, all, 1, others.length);
    return all;
  }

  @Override
  public Node conv2d(Node kernel, Window2d window, int groups) {
    return apply(new Conv2d(window, groups), kernel, this);
  }

  @Override
  public Node maxPool2d(int kh, int kw, Window2d window) {
    return apply(new MaxPool2d(kh, kw, window), this);
  }

  @Override
  public Node avgPool2d(int kh, int kw, Window2d window) {
    return apply(new AvgPool2d(kh, kw, window), this);
  }

  @Override
  public Node dropout(double rate, long seed, Node draw) {
    return mul(apply(new DropoutMask(rate, seed, shape()), draw));
  }
}
