package dev.chainrule.core.exec;

import dev.chainrule.core.graph.Node;

/**
 * Thrown in {@link Anomaly} mode by the first operation of a run whose output holds NaN or an
 * infinity. The message names the node, its operation and shape, the pass (forward, or backward
 * and the forward node it differentiates), the user line that built it, and each input's shape,
 * range, mean and count of non-finite values.
 */
public final class AnomalyException extends ArithmeticException {
  private static final long serialVersionUID = 1L;

  private final transient Node node;

  /** Creates the exception for {@code node} with its full, user-facing message. */
  public AnomalyException(Node node, String message) {
    super(message);
    this.node = node;
  }

  /** Returns the node whose output was the first to hold a non-finite value. */
  public Node node() {
    return node;
  }

  /** Returns true when that node belongs to a backward (gradient) pass. */
  public boolean isBackward() {
    return node.isGradient();
  }
}
