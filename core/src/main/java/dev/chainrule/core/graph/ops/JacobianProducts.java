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

  /**
   * Returns op(left)·right, or just op(left) when right is the identity (and right when left is).
   */
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
   * whose elements index M's rows); c·M when a holds one number, a itself as a column for M = 1,
   * and a·r for M = 1·r.
   */
  static Node scaled(Node a, Shape shape, Node columns) {
    if (a.shape().size() == 1) {
      Node c = a.shape().rank() > 0 ? a.reshape() : a;
      return c.mul(columns);
    }
    Node full = a.shape().equals(shape) ? a : a.broadcastTo(shape);
    if (isOnes(columns)) {
      return full.reshape(shape.size(), 1);
    }
    if (isRepeatedRow(columns)) {
      return full.reshape(shape.size(), 1).matmul(columns.inputs().get(0));
    }
    if (!full.shape().isVectorLike()) {
      full = full.reshape(shape.size());
    }
    return product(full.diag(), false, columns);
  }

  /**
   * Returns the rows of {@code columns} (one per element of {@code from}) repeated as a broadcast
   * from {@code from} to {@code to} repeats them: unchanged when only axes of size 1 are added,
   * 1·M (the one row repeated, a column of ones for the identity) from one element; null
   * otherwise.
   */
  static Node broadcast(Node columns, Shape from, Shape to) {
    if (from.size() == to.size()) {
      return columns;
    }
    if (from.size() == 1) {
      return Diag.isIdentity(columns)
          ? columns.graph().scalar(1.0).broadcastTo(Shape.of(to.size(), 1))
          : columns.broadcastTo(Shape.of(to.size(), columns.shape().dim(1)));
    }
    return null;
  }

  /** Returns true for 1, a column of ones: a literal 1 broadcast to (k, 1). */
  private static boolean isOnes(Node n) {
    return n.op() instanceof BroadcastTo && n.inputs().get(0).isLiteral()
        && n.inputs().get(0).storedValue().item() == 1.0 && n.shape().dim(1) == 1;
  }

  /** Returns true for 1·r, a row r repeated down the rows by a broadcast. */
  private static boolean isRepeatedRow(Node n) {
    return n.op() instanceof BroadcastTo && n.inputs().get(0).shape().rank() == 2
        && n.inputs().get(0).shape().dim(0) == 1;
  }

  /**
   * Returns the rows of {@code columns} (one per element of {@code from}) summed as a reduction
   * from {@code from} to {@code to} sums them: 1ᵀ·M, the column sums, to one element; unchanged
   * when only axes of size 1 go; null otherwise.
   */
  static Node summed(Node columns, Shape from, Shape to) {
    if (from.size() == to.size()) {
      return columns;
    }
    if (to.size() != 1) {
      return null;
    }
    if (columns.op() instanceof Diag) {
      Node a = columns.inputs().get(0);
      return a.shape().rank() == 2 && a.shape().dim(1) == 1
          ? a.T()
          : a.reshape(1, a.shape().size());
    }
    return columns.sumKeepDims(0);
  }
}
