package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;

/**
 * The logarithm of the softmax along one axis, z − max z − log Σ exp(z − max z): finite for any
 * finite logits. Its derivative is g − softmax(z) ∘ Σ g.
 *
 * @param axis the normalised (non-negative) axis of the softmax
 */
public record LogSoftmax(int axis) implements SoftmaxFamily {
  @Override
  public String name() {
    return "log_softmax";
  }

  /** Returns true: the logarithm of the softmax. */
  @Override
  public boolean log() {
    return true;
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node probabilities = output.exp();
    return upstream.sub(probabilities.mul(upstream.sumKeepDims(axis)));
  }

  @Override
  public Notation notation() {
    return Notation.function("logsoftmax", "\\operatorname{logsoftmax}");
  }
}
