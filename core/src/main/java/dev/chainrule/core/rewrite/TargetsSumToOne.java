package dev.chainrule.core.rewrite;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.ops.Sum;
import java.util.List;

/**
 * Σ Y along an axis → 1, for targets the user declared to be one-hot labels or distributions
 * along that axis ({@link Rewriter#assumingDistribution}). This is the one rewrite that rests on a
 * property of the data rather than of the graph: it turns softmax(Z)·ΣY − Y into P − Y.
 */
final class TargetsSumToOne implements Rule {
  @Override
  public String name() {
    return "targets sum to one";
  }

  @Override
  public Node rewrite(Op op, List<Node> in, Rewriting r) {
    if (!(op instanceof Sum s) || s.axes().size() != 1
        || !r.isDistribution(in.get(0), s.axes().get(0))) {
      return null;
    }
    return r.fired("Σ Y = 1 (declared)",
        r.uniform(1.0, op.inferShape(List.of(in.get(0).shape()))));
  }
}
