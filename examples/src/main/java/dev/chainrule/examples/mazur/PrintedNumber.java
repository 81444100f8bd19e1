package dev.chainrule.examples.mazur;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A number a seed prints next to the value chainrule computes for it: reproduced when the computed
 * value rounds to the printed digits; reproduced from a rounded intermediate when the seed's own
 * rounded figures, combined as the seed combines them, round to it (rounding a rounded number,
 * not a slip); and otherwise the cause of the difference.
 *
 * @param quantity what the number is, in the seed's words
 * @param printed the number exactly as the seed prints it
 * @param computed chainrule's float64 value
 * @param cause why the two differ, or null when they agree
 * @param roundedRoute the value the seed's printed (rounded) intermediates give, or null
 */
public record PrintedNumber(String quantity, String printed, double computed, String cause,
    BigDecimal roundedRoute) {
  /** A number with no route through rounded intermediates. */
  public PrintedNumber(String quantity, String printed, double computed, String cause) {
    this(quantity, printed, computed, cause, null);
  }

  /** Returns true when the computed value, rounded to the printed decimals, equals the print. */
  public boolean reproduced() {
    BigDecimal p = new BigDecimal(printed);
    BigDecimal c = new BigDecimal(computed).setScale(p.scale(), RoundingMode.HALF_EVEN);
    return c.compareTo(p) == 0;
  }

  /**
   * Returns true when the value of the seed's rounded intermediates, rounded half up to the
   * printed decimals as a hand calculation does, equals the print.
   */
  public boolean reproducedFromRounded() {
    BigDecimal p = new BigDecimal(printed);
    return roundedRoute != null
        && roundedRoute.setScale(p.scale(), RoundingMode.HALF_UP).compareTo(p) == 0;
  }

  /** Returns how the print compares: reproduced, reproduced from rounded figures, or DIFFERS. */
  public String status() {
    return reproduced() ? "reproduced" : reproducedFromRounded()
        ? "reproduced from the seed's rounded figures" : "DIFFERS";
  }
}
