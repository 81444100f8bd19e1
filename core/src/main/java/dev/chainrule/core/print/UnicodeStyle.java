package dev.chainrule.core.print;

/** Plain Unicode: W[2]ᵀ·dZ[2], dA[1] ∘ (1 − A[1]²), (1/m)·Σ dZ[2]. */
final class UnicodeStyle implements Style {
  private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

  @Override
  public String name(String name) {
    return name;
  }

  @Override
  public String number(String number) {
    return number.startsWith("-") ? "−" + number.substring(1) : number;
  }

  @Override
  public String fraction(String numerator, String denominator) {
    return numerator + "/" + denominator;
  }

  @Override
  public boolean fractionsAreAtoms() {
    return false;
  }

  @Override
  public String paren(String s) {
    return "(" + s + ")";
  }

  @Override
  public String operator(String symbol) {
    return " " + symbol + " ";
  }

  @Override
  public String tight(String symbol) {
    return "·";
  }

  @Override
  public String minus(String s) {
    return "−" + s;
  }

  @Override
  public String scaled(String factor, boolean fraction, String x) {
    return (fraction ? "(" + factor + ")" : factor) + "·" + x;
  }

  @Override
  public String transpose(String atom, boolean named) {
    return atom + "ᵀ";
  }

  @Override
  public String power(String base, String exponent) {
    if (exponent.chars().allMatch(Character::isDigit)) {
      StringBuilder sb = new StringBuilder(base);
      exponent.chars().forEach(c -> sb.append(SUPERSCRIPTS.charAt(c - '0')));
      return sb.toString();
    }
    return base + "^" + (exponent.matches("[0-9.]+") ? exponent : "(" + exponent + ")");
  }

  @Override
  public String sqrt(String x, boolean atom) {
    return "√" + (atom ? x : paren(x));
  }

  @Override
  public String abs(String x) {
    return "|" + x + "|";
  }

  @Override
  public String function(String fn, String args) {
    return fn + "(" + args + ")";
  }

  @Override
  public String function(String text, String latex, String args) {
    return function(text, args);
  }

  @Override
  public String sum(String axes, String x, boolean atom) {
    return "Σ" + (axes.isEmpty() ? "" : "[" + axes + "]") + (atom ? " " + x : paren(x));
  }

  @Override
  public String words(String text) {
    return text;
  }

  @Override
  public String indicator(String condition) {
    return "1(" + condition + ")";
  }
}
