package dev.chainrule.core.graph;

import java.util.List;

/**
 * The operations along one axis that every {@link Node} offers, for sequences and embeddings:
 * {@code gather} (an embedding lookup), {@code concat}, {@code stack} and {@code split}. {@link
 * NodeAlgebra} extends it, so they read like the rest: {@code E.gather(ids, 1)}, {@code
 * a.split(0, h, h, h, h)}; and {@code diag}, which lays a vector along the diagonal of a matrix.
 * Each method adds one node; the operations live in their own files under {@code
 * dev.chainrule.core.graph.ops}, which also implements these methods. It extends {@link
 * ImageAlgebra}, the operations on images.
 */
public abstract class AxisAlgebra extends ImageAlgebra {
  AxisAlgebra() {}

  /**
   * Returns the slices of this tensor picked along {@code axis} by the integer indices held in
   * {@code indices}, NumPy's {@code take}: for this (a, n, b) and indices of shape I, the result is
   * (a, I…, b). The indices are doubles holding whole numbers from 0 to n − 1, usually a fed
   * input; a run with another value fails naming the index, n and this line. Its derivative is a
   * scatter-add, so repeated indices add their gradients.
   */
  public abstract Node gather(Node indices, int axis);

  /**
   * Returns this tensor and {@code others} joined end to end along {@code axis} (negative counts
   * from the end); every other dimension must agree.
   */
  public abstract Node concat(int axis, Node... others);

  /**
   * Returns this tensor and {@code others}, all of one shape, stacked along a new axis at position
   * {@code axis} of the result (negative counts from the end of the result's axes).
   */
  public abstract Node stack(int axis, Node... others);

  /**
   * Returns this tensor cut along {@code axis} into consecutive parts of the given sizes, which
   * must add up to the axis's length; concat of the parts gives the tensor back.
   */
  public abstract List<Node> split(int axis, int... sizes);

  /**
   * Returns diag(this), the (k, k) matrix with this vector's k elements on its diagonal and zeros
   * elsewhere; this is a vector (k,), a row (1, k) or a column (k, 1).
   */
  public abstract Node diag();
}
