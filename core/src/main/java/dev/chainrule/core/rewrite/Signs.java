package dev.chainrule.core.rewrite;

import static dev.chainrule.core.rewrite.Patterns.arg;
import static dev.chainrule.core.rewrite.Patterns.is;

import dev.chainrule.core.graph.Algebra;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.Rewrite;
import dev.chainrule.core.graph.ops.Neg;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves negations outwards, where they cancel or become subtractions. Generic over the operations'
 * {@link Algebra}: a negated operand of an operation odd in it (a product, quotient or matrix
 * product; a sum, mean, transpose, reshape or broadcast) is taken out of it, −A·B for (−A)·B, and
 * two such signs cancel; then each operation's own sign identities apply (x + (−y) → x − y in
 * {@code Add}). All are exact in floating point.
 */
final class Signs implements Rule {
  @Override
  public String name() {
    return "signs";
  }

  @Override
  public Node rewrite(Op op, List<Node> in, Rewriting r) {
    Node own = Patterns.identities(op, in, r, Rewrite.Family.SIGNS);
    if (own != null) {
      return own;
    }
    Algebra a = op.algebra();
    List<Node> plain = new ArrayList<>(in);
    int signs = 0;
    for (int i = 0; i < in.size(); i++) {
      if (a.odd(i) && is(in.get(i), Neg.INSTANCE)) {
        plain.set(i, arg(in.get(i), 0));
        signs++;
      }
    }
    if (signs == 0) {
      return null;
    }
    Node result = r.apply(op, plain);
    return r.fired("sign taken out of " + Patterns.phrase(op),
        signs % 2 == 0 ? result : r.apply(Neg.INSTANCE, result));
  }
}
