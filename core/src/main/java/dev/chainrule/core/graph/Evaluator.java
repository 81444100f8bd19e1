package dev.chainrule.core.graph;

import dev.chainrule.core.tensor.Tensor;

/**
 * What {@link Node#value()} evaluates a node with. The graph knows no executor: the executor
 * ({@code dev.chainrule.core.exec}) provides one through Java's {@link java.util.ServiceLoader},
 * declared in the core jar's {@code META-INF/services/dev.chainrule.core.graph.Evaluator}; the
 * first one found on the class path serves every interactive evaluation.
 */
public interface Evaluator {
  /**
   * Computes {@code node} from the values its inputs hold ({@link Node#hold}) and returns a tensor
   * the caller owns.
   */
  Tensor evaluate(Node node);
}
