package dev.chainrule.core.rewrite;

import static dev.chainrule.core.rewrite.Patterns.arg;
import static dev.chainrule.core.rewrite.Patterns.is;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.ops.MatMul;
import dev.chainrule.core.graph.ops.Transpose;
import java.util.List;

/**
 * Reads a transposed operand of a matrix product in place, Aᵀ·B as one product with a flag, which
 * is both faster and prints the same; a doubly transposed operand loses both marks. A transpose
 * the user named is kept, so that its name stays in the formulas.
 */
final class TransposeIntoMatMul implements Rule {
  @Override
  public String name() {
    return "transpose into matrix product";
  }

  @Override
  public Node rewrite(Op op, List<Node> in, Rewriting r) {
    if (!(op instanceof MatMul m)) {
      return null;
    }
    boolean ta = m.transposeA();
    boolean tb = m.transposeB();
    Node a = in.get(0);
    Node b = in.get(1);
    boolean changed = false;
    if (isMatrixTranspose(a)) {
      a = arg(a, 0);
      ta = !ta;
      changed = true;
    }
    if (isMatrixTranspose(b)) {
      b = arg(b, 0);
      tb = !tb;
      changed = true;
    }
    return changed ? r.fired("transpose read by the matrix product",
        r.apply(new MatMul(ta, tb), a, b)) : null;
  }

  private static boolean isMatrixTranspose(Node n) {
    return is(n, Transpose.class) && !n.isUserNamed() && n.shape().rank() == 2
        && ((Transpose) n.op()).permutation()[0] == 1;
  }
}
