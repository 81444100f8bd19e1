package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Shape;

/**
 * The pieces the operations' {@link dev.chainrule.core.graph.Op#jmp} rules are written with: a
 * matrix product that skips the identity diag(1), an elementwise factor as diag(a)·M (or c·M for a
 * scalar c), and the matrices of broadcasting and of summing a vector, each in the textbook's form.
 * A piece returns null where the shapes need a form it does not write (a sum over some axes of a
 * matrix, a broadcast of a matrix along a new axis).
 */
final class JacobianProducts {
  private JacobianProducts() {}

  /** Returns op(left)·right, or just op(left) when right is the identity (and right when left is). */
  static Node product(Node left, boolean transposeLeft, Node right) {
    if (Diag.isIdentity(right)) {
      return transposeLeft ? left.T() : left;
    }
    if (Diag.isIdentity(left)) {
      return right;
    }
    return left.matmul(transposeLeft, right, false);
  }

  /**
   * Returns diag(a)·M, with the elementwise factor {@code a} broadcast to {@code shape} (the shape
   * whose elements index M's rows); c·M when a holds one number.
   */
  static Node scaled(Node a, Shape shape, Node columns) {
    if (a.shape().size() == 1) {
      Node c = a.shape().rank() > 0 ? a.reshape() : a;
      return c.mul(columns);
    }
    Node full = a.shape().equals(shape) ? a : a.broadcastTo(shape);
    if (!full.shape().isVectorLike()) {
      full = full.reshape(shape.size());
    }
    return product(full.diag(), false, columns);
  }

  /**
   * Returns the rows of {@code columns} (one per element of {@code from}) repeated as a broadcast
   * from {@code from} to {@code to} repeats them: unchanged when only axes of size 1 are added,
   * 1·M (the row copied) from one element; null otherwise.
   */
  static Node broadcast(Node columns, Shape from, Shape to) {
    if (from.size() == to.size()) {
      return columns;
    }
    if (from.size() == 1) {
      int n = columns.shape().dim(1);
      return columns.broadcastTo(Shape.of(to.size(), n));
    }
    return null;
  }

  /**
   * Returns the rows of {@code columns} (one per element of {@code from}) summed as a reduction from
   * {@code from} to {@code to} sums them: 1ᵀ·M, the column sums, to one element; unchanged when
   * only axes of size 1 go; null otherwise.
   */
  static Node summed(Node columns, Shape from, Shape to) {
    if (from.size() == to.size()) {
      return columns;
    }
    return to.size() == 1 ? columns.sumKeepDims(0) : null;
  }
}
