package dev.chainrule.core.export.graphviz;

/**
 * Thrown when Graphviz does not produce a picture, with the reason as a value (so that callers
 * can say what to do) and a one-line message in the user's words.
 */
public final class GraphvizException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why Graphviz produced no picture. */
  public enum Reason {
    /** The DOT text was rejected: a syntax error, or an attribute Graphviz cannot handle. */
    REJECTED,
    /** Rendering took longer than its time limit and was stopped. */
    TIME_LIMIT,
    /** Rendering needed more memory than its limit and was stopped. */
    MEMORY_LIMIT,
    /** The engine is not available here (the dot program is not installed, or did not start). */
    UNAVAILABLE
  }

  private final Reason reason;

  /** Creates the exception for {@code reason} with a one-line {@code message}. */
  public GraphvizException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** Returns why no picture was produced. */
  public Reason reason() {
    return reason;
  }

  /**
   * Returns the line of Graphviz's output that says what went wrong: the first error, else the
   * first line, without its {@code Error:} prefix.
   */
  static String mainLine(String output) {
    String line = output.lines().filter(l -> l.startsWith("Error")).findFirst()
        .orElse(output.lines().findFirst().orElse(""));
    return line.replaceFirst("^Error:\\s*", "").replaceFirst("^<stdin>:\\s*", "").strip();
  }
}
