package dev.chainrule.core.exec;

import dev.chainrule.core.graph.Evaluator;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;

/**
 * Interactive evaluation ({@code node.value()}) through a plan compiled for the one node and run
 * with the values its inputs hold; installed as the graph's {@link Evaluator} by the core jar's
 * service file.
 */
public final class PlanEvaluator implements Evaluator {
  /** Creates the evaluator; {@link java.util.ServiceLoader} calls it. */
  public PlanEvaluator() {}

  @Override
  public Tensor evaluate(Node node) {
    return Plan.compile(node).run(Feeds.none()).get(node).copy();
  }
}
