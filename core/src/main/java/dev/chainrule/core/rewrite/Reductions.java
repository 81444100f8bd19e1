package dev.chainrule.core.rewrite;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.Rewrite;
import java.util.List;

/**
 * Sums of broadcasts and trivial reductions, as the reductions declare them in their {@link
 * dev.chainrule.core.graph.Algebra}: summing x broadcast along exactly the summed axes is n·x
 * (averaging it is x), and a sum or mean over axes of size 1 is a reshape at most.
 */
final class Reductions implements Rule {
  @Override
  public String name() {
    return "reductions";
  }

  @Override
  public Node rewrite(Op op, List<Node> in, Rewriting r) {
    return Patterns.identities(op, in, r, Rewrite.Family.REDUCTIONS);
  }
}
