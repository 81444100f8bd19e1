package dev.chainrule.core.graph;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Thrown when an operation is built on inputs whose shapes do not fit it; the message names the
 * operation, each input's name and shape, the reason, and the line of user code that built it.
 * When thrown by building an operation it also carries the operation's name, its operands and the
 * reason, so that a caller can describe the operands in its own words (a comparison names them
 * by their formulas rather than by automatic names such as {@code mul_250}).
 */
public final class ShapeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String operation;
  private final transient List<Node> operands;
  private final String reason;
  private final String site;

  /** Creates the exception with its full, user-facing message. */
  public ShapeException(String message) {
    super(message);
    this.operation = null;
    this.operands = List.of();
    this.reason = message;
    this.site = null;
  }

  /**
   * Creates the exception of building {@code operation} on {@code operands}, which do not fit it
   * for {@code reason}, at the user's line {@code site}.
   */
  public ShapeException(String operation, List<Node> operands, String reason, String site) {
    super(operation + " of " + describe(operands, Node::name) + ": " + reason + " (at " + site
        + ")");
    this.operation = operation;
    this.operands = List.copyOf(operands);
    this.reason = reason;
    this.site = site;
  }

  /** Returns the operation that could not be built, or null when the exception has none. */
  public String operation() {
    return operation;
  }

  /** Returns the operands of the operation that could not be built (empty when unknown). */
  public List<Node> operands() {
    return operands == null ? List.of() : operands;
  }

  /** Returns why the shapes do not fit, without the operands and the line. */
  public String reason() {
    return reason;
  }

  /** Returns the user's line that built the operation, or null when unknown. */
  public String site() {
    return site;
  }

  /**
   * Returns the operands as {@code name shape} joined by "and", each named by {@code name}, e.g.
   * {@code X (2, 3) and b (4,)}.
   */
  public static String describe(List<Node> operands, Function<Node, String> name) {
    return operands.stream().map(n -> name.apply(n) + " " + n.shape())
        .collect(Collectors.joining(" and "));
  }
}
