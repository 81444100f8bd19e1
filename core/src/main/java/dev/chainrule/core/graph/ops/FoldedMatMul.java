package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import java.util.function.Predicate;

/**
 * A matrix product that reads its transposed operands in place: (Aᵀ)·B is the product of A and B
 * with the first operand's transpose flag flipped, so the transpose need not be computed. The
 * plan compiler folds every such transpose; the rewriter folds those the user did not name (so the
 * name stays in the formulas). Both take the fold from here.
 *
 * @param op the product with the flags of the folded operands flipped
 * @param a the first operand with its matrix transposes stripped
 * @param b the second operand with its matrix transposes stripped
 * @param folds how many transposes were folded, 0 when the product is unchanged
 */
public record FoldedMatMul(MatMul op, Node a, Node b, int folds) {
  /**
   * Folds into {@code op} every matrix transpose (a rank-2 transpose swapping the two axes) that
   * {@code foldable} accepts, from the outside in, on the operands {@code a} and {@code b};
   * returns {@code op} itself when the flags end up as they were.
   */
  public static FoldedMatMul of(MatMul op, Node a, Node b, Predicate<Node> foldable) {
    boolean ta = op.transposeA();
    boolean tb = op.transposeB();
    int folds = 0;
    while (isMatrixTranspose(a) && foldable.test(a)) {
      a = a.inputs().get(0);
      ta = !ta;
      folds++;
    }
    while (isMatrixTranspose(b) && foldable.test(b)) {
      b = b.inputs().get(0);
      tb = !tb;
      folds++;
    }
    MatMul folded = ta == op.transposeA() && tb == op.transposeB() ? op : new MatMul(ta, tb);
    return new FoldedMatMul(folded, a, b, folds);
  }

  private static boolean isMatrixTranspose(Node n) {
    return n.op() instanceof Transpose t && n.shape().rank() == 2 && t.permutation()[0] == 1;
  }
}
