package dev.chainrule.core.graph;

import dev.chainrule.core.graph.ops.Concat;
import dev.chainrule.core.graph.ops.Diag;
import dev.chainrule.core.graph.ops.Gather;
import dev.chainrule.core.graph.ops.Split;
import dev.chainrule.core.graph.ops.Stack;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The operations along one axis that every {@link Node} offers, for sequences and embeddings:
 * {@code gather} (an embedding lookup), {@code concat}, {@code stack} and {@code split}. {@link
 * NodeAlgebra} extends it, so they read like the rest: {@code E.gather(ids, 1)}, {@code
 * a.split(0, h, h, h, h)}; and {@code diag}, which lays a vector along the diagonal of a matrix.
 * Each method adds one node; the operations live in their own files under {@code
 * dev.chainrule.core.graph.ops}. It extends {@link ImageAlgebra}, the operations on images.
 */
public abstract class AxisAlgebra extends ImageAlgebra {
  AxisAlgebra() {}

  /** Returns {@code axis} counted from 0, reporting a bad axis as a shape error of {@code op}. */
  private int axis(String op, int axis) {
    try {
      return self().shape().normalizeAxis(axis);
    } catch (IllegalArgumentException e) {
      throw graph().shapeError(op, List.of(self()), e.getMessage());
    }
  }

  private Node apply(Op op, Node... inputs) {
    return graph().apply(op, inputs);
  }

  /**
   * Returns the slices of this tensor picked along {@code axis} by the integer indices held in
   * {@code indices}, NumPy's {@code take}: for this (a, n, b) and indices of shape I, the result is
   * (a, I…, b). The indices are doubles holding whole numbers from 0 to n − 1, usually a fed
   * input; a run with another value fails naming the index, n and this line. Its derivative is a
   * scatter-add, so repeated indices add their gradients.
   */
  public Node gather(Node indices, int axis) {
    int a = axis("gather", axis);
    String origin = "gather of " + self().name() + " " + self().shape() + " by "
        + indices.name() + " " + indices.shape() + " (at " + CreationSite.here() + ")";
    return apply(new Gather(a, origin), self(), indices);
  }

  /**
   * Returns this tensor and {@code others} joined end to end along {@code axis} (negative counts
   * from the end); every other dimension must agree.
   */
  public Node concat(int axis, Node... others) {
    return apply(new Concat(axis("concat", axis)), joined(others));
  }

  /**
   * Returns this tensor and {@code others}, all of one shape, stacked along a new axis at position
   * {@code axis} of the result (negative counts from the end of the result's axes).
   */
  public Node stack(int axis, Node... others) {
    int rank = self().shape().rank();
    int a = axis < 0 ? axis + rank + 1 : axis;
    if (a < 0 || a > rank) {
      throw graph().shapeError("stack", List.of(self()), "axis " + axis + " is out of range for "
          + "stacking tensors of rank " + rank + " (use -" + (rank + 1) + " to " + rank + ")");
    }
    return apply(new Stack(a), joined(others));
  }

  /**
   * Returns this tensor cut along {@code axis} into consecutive parts of the given sizes, which
   * must add up to the axis's length; concat of the parts gives the tensor back.
   */
  public List<Node> split(int axis, int... sizes) {
    int a = axis("split", axis);
    int total = 0;
    for (int s : sizes) {
      total += s;
    }
    if (sizes.length == 0 || total != self().shape().dim(a)) {
      throw graph().shapeError("split", List.of(self()), "the parts' sizes "
          + Arrays.toString(sizes) + " add up to " + total + ", but axis " + a
          + " has " + self().shape().dim(a) + " positions");
    }
    List<Node> parts = new ArrayList<>();
    int start = 0;
    for (int s : sizes) {
      parts.add(apply(new Split(a, start, s), self()));
      start += s;
    }
    return parts;
  }

  /**
   * Returns diag(this), the (k, k) matrix with this vector's k elements on its diagonal and zeros
   * elsewhere; this is a vector (k,), a row (1, k) or a column (k, 1).
   */
  public Node diag() {
    return apply(Diag.INSTANCE, self());
  }

  private Node[] joined(Node... others) {
    Node[] all = new Node[others.length + 1];
    all[0] = self();
    System.arraycopy(others, 0, all, 1, others.length);
    return all;
  }
}
