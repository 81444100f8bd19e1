package dev.chainrule.core.rewrite;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.ops.FoldedMatMul;
import dev.chainrule.core.graph.ops.MatMul;
import java.util.List;

/**
 * Reads a transposed operand of a matrix product in place, Aᵀ·B as one product with a flag, which
 * is both faster and prints the same; a doubly transposed operand loses both marks. A transpose
 * the user named is kept, so that its name stays in the formulas. The fold itself is {@link
 * FoldedMatMul}'s, which the plan compiler uses too.
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
    FoldedMatMul f = FoldedMatMul.of(m, in.get(0), in.get(1), t -> !t.isUserNamed());
    return f.folds() > 0 ? r.fired("transpose read by the matrix product",
        r.apply(f.op(), f.a(), f.b())) : null;
  }
}
