package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;

/**
 * The softmax along one axis, p = exp(z − max z) / Σ exp(z − max z), stable for large logits. Its
 * derivative is the Jacobian-vector product p ∘ (g − Σ(g ∘ p)), never the full Jacobian.
 *
 * @param axis the normalised (non-negative) axis along which the outputs sum to 1
 */
public record Softmax(int axis) implements SoftmaxFamily {
  @Override
  public String name() {
    return "softmax";
  }

  /** Returns false: the softmax itself. */
  @Override
  public boolean log() {
    return false;
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node weighted = upstream.mul(output).sumKeepDims(axis);
    return output.mul(upstream.sub(weighted));
  }

  /**
   * Returns d softmax(z) = p ∘ (t − Σ(p ∘ t)) with p = softmax(z) and Σ along the axis: the
   * Jacobian diag(p) − p·pᵀ applied to the tangent, never built.
   */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return output.mul(tangent.sub(output.mul(tangent).sumKeepDims(axis)));
  }

  @Override
  public Notation notation() {
    return Notation.function("softmax", "\\operatorname{softmax}");
  }
}
