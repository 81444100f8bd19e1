package dev.chainrule.core.graph;

/**
 * Thrown when an operation is built on inputs whose shapes do not fit it; the message names the
 * operation, each input's name and shape, the reason, and the line of user code that built it.
 */
public final class ShapeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with its full, user-facing message. */
  public ShapeException(String message) {
    super(message);
  }
}
