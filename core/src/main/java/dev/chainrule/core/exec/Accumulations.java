package dev.chainrule.core.exec;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import java.util.List;

/**
 * Parameters that a {@link Plan} adds to in place at the end of each run: W ← W + s·G for each
 * parameter W and increment G of its shape, with the scale s given to {@link Plan#run(Feeds,
 * double)}. Gradient descent is the case G = dW, s = −η. Where G is a matrix product that nothing
 * else reads, the plan runs the accumulation inside that product (one GEMM with β = 1), so G is
 * never stored. With a guard, the accumulations of a run are skipped when the guard's value (say
 * the loss) holds NaN or an infinity, so that a diverged step leaves the parameters as they were.
 *
 * @param parameters the parameter nodes added to, modified in place by every run
 * @param increments the node added to each parameter, in the same order and of the same shape
 * @param guard a node whose value must be finite for the accumulations to run, or null
 */
public record Accumulations(List<Node> parameters, List<Node> increments, Node guard) {
  /**
   * Checks that there is one increment of the parameter's shape per parameter node.
   *
   * @throws IllegalArgumentException naming the node that does not fit
   */
  public Accumulations {
    parameters = List.copyOf(parameters);
    increments = List.copyOf(increments);
    if (parameters.size() != increments.size()) {
      throw new IllegalArgumentException(increments.size() + " increments given for "
          + parameters.size() + " parameters; give one per parameter, in the same order");
    }
    for (int i = 0; i < parameters.size(); i++) {
      Node p = parameters.get(i);
      Node g = increments.get(i);
      if (p.kind() != NodeKind.PARAMETER) {
        throw new IllegalArgumentException(p.name() + " is not a parameter: a plan adds in place "
            + "only to parameters (graph.parameter(...))");
      }
      if (!g.shape().equals(p.shape())) {
        throw new IllegalArgumentException("increment " + g.name() + " has shape " + g.shape()
            + " but parameter " + p.name() + " has shape " + p.shape());
      }
    }
  }

  /** Returns the accumulations W ← W + s·G of {@code increments} into {@code parameters}. */
  public static Accumulations of(List<Node> parameters, List<Node> increments) {
    return new Accumulations(parameters, increments, null);
  }

  /** Returns these accumulations, skipped in any run where {@code node}'s value is not finite. */
  public Accumulations onlyIfFinite(Node node) {
    return new Accumulations(parameters, increments, node);
  }
}
