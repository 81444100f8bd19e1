package dev.chainrule.core.graph;

/**
 * Thrown when numbers of different dtypes meet without a cast: an operation built on a float64 and
 * a float32 node, a parameter or constant whose tensor is not of the graph's dtype, or an operation
 * asked to run in a dtype it has no kernel for. The message names the nodes, their dtypes and the
 * user's line, and says which cast fixes it.
 */
public final class DTypeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with its full, user-facing message. */
  public DTypeException(String message) {
    super(message);
  }
}
