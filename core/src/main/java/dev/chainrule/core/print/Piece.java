package dev.chainrule.core.print;

/**
 * A rendered subexpression and what the renderer needs to place it inside a larger one.
 *
 * @param text the formula text
 * @param kind what sort of expression it is, which fixes its binding strength
 * @param minus true when the text starts with a minus sign
 * @param named true when the text is a node's name (so LaTeX can merge a transpose mark into it)
 */
record Piece(String text, Kind kind, boolean minus, boolean named) {
  /** Stands for a subexpression too long to write out; anything built on it is elided too. */
  static final Piece ELIDED = new Piece("…", Kind.ATOM, false, false);

  /** The sorts of expression, loosest binding first. */
  enum Kind {
    /** a + b, a − b, comparisons. */
    ADDITIVE(1),
    /** a ∘ b. */
    HADAMARD(2),
    /** A·B. */
    MATRIX(2),
    /** c·x with a scalar c. */
    SCALED(2),
    /** a/b written inline. */
    QUOTIENT(2),
    /** Σ x. */
    SIGMA(2),
    /** −x. */
    NEGATION(3),
    /** xᵀ, x². */
    POSTFIX(4),
    /** A name, a number, a function application, a LaTeX fraction. */
    ATOM(5);

    final int precedence;

    Kind(int precedence) {
      this.precedence = precedence;
    }
  }

  static Piece atom(String text, boolean named) {
    return new Piece(text, Kind.ATOM, false, named);
  }

  static Piece of(String text, Kind kind) {
    return new Piece(text, kind, false, false);
  }

  Piece withMinus(boolean leadingMinus) {
    return new Piece(text, kind, leadingMinus, named);
  }

  int precedence() {
    return kind.precedence;
  }

  boolean is(Kind... kinds) {
    for (Kind k : kinds) {
      if (kind == k) {
        return true;
      }
    }
    return false;
  }
}
