package dev.chainrule.core.graph;

/**
 * How an operation is written: as an infix operator ({@code a + b}), a prefix operator
 * ({@code −a}), a postfix operator ({@code aᵀ}), or a function ({@code σ(a)}), in plain Unicode
 * text and in LaTeX, with a precedence that decides where parentheses are needed.
 *
 * @param form where the symbol stands relative to the operands
 * @param text the Unicode symbol, e.g. {@code "·"} or {@code "σ"}
 * @param latex the LaTeX symbol, e.g. {@code "\\cdot"} or {@code "\\sigma"}
 * @param precedence binding strength: higher binds tighter (see the constants)
 */
public record Notation(Form form, String text, String latex, int precedence) {
  /** Precedence of addition and subtraction. */
  public static final int ADDITIVE = 1;
  /** Precedence of products and quotients. */
  public static final int MULTIPLICATIVE = 2;
  /** Precedence of a prefix minus. */
  public static final int PREFIX = 3;
  /** Precedence of powers and postfix marks such as the transpose. */
  public static final int POSTFIX = 4;
  /** Precedence of function applications and atoms, which never need parentheses. */
  public static final int ATOM = 5;

  /** Where the symbol stands relative to the operands. */
  public enum Form {
    /** Between two operands. */
    INFIX,
    /** Before one operand. */
    PREFIX,
    /** After one operand. */
    POSTFIX,
    /** As a function name before parenthesised operands. */
    FUNCTION
  }

  /** Returns an infix notation such as {@code a + b}. */
  public static Notation infix(String text, String latex, int precedence) {
    return new Notation(Form.INFIX, text, latex, precedence);
  }

  /** Returns a function notation such as {@code σ(a)}. */
  public static Notation function(String text, String latex) {
    return new Notation(Form.FUNCTION, text, latex, ATOM);
  }

  /** Returns a postfix notation such as {@code aᵀ}. */
  public static Notation postfix(String text, String latex) {
    return new Notation(Form.POSTFIX, text, latex, POSTFIX);
  }

  /** Returns a prefix notation such as {@code −a}. */
  public static Notation prefix(String text, String latex) {
    return new Notation(Form.PREFIX, text, latex, PREFIX);
  }
}
