package dev.chainrule.core.graph;

/** Thrown when nodes of two different graphs are combined in one operation or one run. */
public final class GraphMismatchException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with its full, user-facing message. */
  public GraphMismatchException(String message) {
    super(message);
  }
}
