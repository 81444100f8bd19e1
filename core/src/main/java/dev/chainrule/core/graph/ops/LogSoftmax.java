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

  /**
   * Returns d log softmax(z) = t − Σ(p ∘ t) with p = softmax(z) = e^(log softmax(z)) and Σ along
   * the axis: the Jacobian I − 1·pᵀ applied to the tangent.
   */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return tangent.sub(output.exp().mul(tangent).sumKeepDims(axis));
  }

  @Override
  public Notation notation() {
    return Notation.function("logsoftmax", "\\operatorname{logsoftmax}");
  }
}
