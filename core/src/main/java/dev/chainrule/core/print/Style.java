package dev.chainrule.core.print;

/** How formulas are spelled: Unicode text or LaTeX. The structure is decided by the renderer. */
interface Style {
  /** Returns a node name as an atom, e.g. {@code W[2]} or {@code W^{[2]}}. */
  String name(String name);

  /** Returns a plain number, already formatted. */
  String number(String number);

  /** Returns numerator/denominator, e.g. {@code 1/m} or {@code \frac{1}{m}}. */
  String fraction(String numerator, String denominator);

  /** Returns true when fractions print as one block (LaTeX) and need no parentheses. */
  boolean fractionsAreAtoms();

  /** Returns {@code s} in parentheses. */
  String paren(String s);

  /** Returns the spelling of an operator given by its Unicode symbol (+ − ∘ · / …). */
  String operator(String symbol);

  /** Returns a product sign written without spaces around it in text: {@code A·B}. */
  String tight(String symbol);

  /** Returns a prefix minus applied to {@code s}. */
  String minus(String s);

  /** Returns the scalar factor {@code factor} written in front of {@code x}. */
  String scaled(String factor, boolean fraction, String x);

  /** Returns {@code atom} transposed; {@code named} is true when it is a name (W[2]). */
  String transpose(String atom, boolean named);

  /** Returns {@code base} raised to an integer or decimal {@code exponent}. */
  String power(String base, String exponent);

  /** Returns the square root of {@code x}; {@code atom} is true when x needs no parentheses. */
  String sqrt(String x, boolean atom);

  /** Returns {@code |x|}. */
  String abs(String x);

  /** Returns a function applied to its arguments, e.g. {@code σ(Z[2])}; fn is the Unicode name. */
  String function(String fn, String args);

  /**
   * Returns a function applied to its arguments, spelled {@code text} in Unicode and {@code
   * latex} in LaTeX (as an operation's notation gives both; an empty one falls back to {@code
   * text}).
   */
  String function(String text, String latex, String args);

  /** Returns a sum over the axes described by {@code axes} (may be empty) of {@code x}. */
  String sum(String axes, String x, boolean atom);

  /** Returns words written upright inside a formula, e.g. the {@code axis=1} of a softmax. */
  String words(String text);

  /** Returns the indicator 1(condition). */
  String indicator(String condition);
}
