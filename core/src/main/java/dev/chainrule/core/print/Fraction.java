package dev.chainrule.core.print;

import java.util.Map;

/**
 * A number of the form ±1/k written as a fraction: 1/m when k is a named symbol's value, or 1/k for
 * a whole number k up to a million that gives exactly this double and whose decimal form is longer
 * than four characters (1/8 and 1/3, but 0.5, 0.25 and 0.1 stay decimals).
 *
 * @param denominator the denominator as written, a symbol or digits
 * @param negative whether the fraction is −1/k
 */
record Fraction(String denominator, boolean negative) {
  private static final int LARGEST = 1_000_000;

  static Fraction of(double v, Map<String, Double> symbols) {
    if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
      return null;
    }
    double magnitude = Math.abs(v);
    for (Map.Entry<String, Double> s : symbols.entrySet()) {
      if (magnitude == 1.0 / s.getValue()) {
        return new Fraction(s.getKey(), v < 0);
      }
    }
    double k = 1.0 / magnitude;
    long rounded = Math.round(k);
    boolean shortDecimal = dev.chainrule.core.tensor.TensorFormat.number(magnitude).length() <= 4;
    if (rounded >= 2 && rounded <= LARGEST && 1.0 / rounded == magnitude && !shortDecimal) {
      return new Fraction(Long.toString(rounded), v < 0);
    }
    return null;
  }
}
