package dev.chainrule.core.export;

/**
 * Thrown when a picture cannot be rendered to a string: no Graphviz engine starts on this machine,
 * or Graphviz rejects the DOT text. The message says why and how to render the DOT text instead.
 */
public final class RenderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a one-line message in the user's words. */
  public RenderException(String message) {
    super(message);
  }
}
