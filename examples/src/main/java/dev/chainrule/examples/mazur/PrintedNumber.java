package dev.chainrule.examples.mazur;

import java.math.BigDecimal;

/**
 * A number a seed prints next to the value chainrule computes for it: reproduced when the computed
 * value rounds to the printed digits, and otherwise the cause of the difference.
 *
 * @param quantity what the number is, in the seed's words
 * @param printed the number exactly as the seed prints it
 * @param computed chainrule's float64 value
 * @param cause why the two differ, or null when they agree
 */
public record PrintedNumber(String quantity, String printed, double computed, String cause) {
  /** Returns true when the computed value, rounded to the printed decimals, equals the print. */
  public boolean reproduced() {
    BigDecimal p = new BigDecimal(printed);
    BigDecimal c = new BigDecimal(computed).setScale(p.scale(), java.math.RoundingMode.HALF_EVEN);
    return c.compareTo(p) == 0;
  }
}
