package dev.chainrule.core.exec;

/**
 * Thrown when a run cannot start from the feeds given: an input without a value, a value of the
 * wrong shape or containing NaN or infinity, or a fed node that is not an input of the graph.
 */
public final class FeedException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with its full, user-facing message. */
  public FeedException(String message) {
    super(message);
  }
}
