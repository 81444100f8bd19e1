package dev.chainrule.core.check;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.rewrite.GraphCopy;
import dev.chainrule.core.rewrite.Rewritten;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the checks compute: in float64, whatever the graph's dtype. A graph that computes in
 * float64 throughout is evaluated as it is; any other (a float32 graph, or one with a cast to
 * float32) through its float64 copy ({@link GraphCopy#inDType}), which holds the same numbers
 * (every float32 number is a float64 number) and keeps the user's node names and lines. The check
 * of a float32 model is then as exact as that of a float64 one: it measures the formulas, not the
 * float32 rounding of their evaluation.
 */
final class InFloat64 {
  private InFloat64() {}

  /** Returns the float64 copy of {@code targets}' graph, or null when it already is float64. */
  static Rewritten copyIfNeeded(List<Node> targets) {
    return GraphCopy.computesIn(targets, DType.FLOAT64) ? null
        : GraphCopy.inDType(targets, DType.FLOAT64);
  }

  /** Returns a copy of {@code node}'s float64 value at those of {@code feeds} it depends on. */
  static Tensor valueOf(Node node, Feeds feeds) {
    return valuesOf(List.of(node), feeds).get(node);
  }

  /** Returns copies of the float64 values of {@code nodes}, by node, in one run. */
  static Map<Node, Tensor> valuesOf(List<Node> nodes, Feeds feeds) {
    Rewritten copy = copyIfNeeded(nodes);
    List<Node> run = copy == null ? nodes : nodes.stream().map(copy::get).toList();
    Plan plan = Plan.compile(run);
    Results r = plan.run((copy == null ? feeds : copy.feeds(feeds)).usedBy(plan));
    Map<Node, Tensor> values = new IdentityHashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      values.put(nodes.get(i), r.get(run.get(i)).copy());
    }
    return values;
  }
}
