package dev.chainrule.examples.formulas;

import dev.chainrule.core.check.ManualFormula;

/**
 * One of a seed's hand-derived gradient formulas, as the seed writes it.
 *
 * @param wrt the name of the node the formula is the gradient for, e.g. {@code W[2]}
 * @param formula the formula, named as the seed writes it
 * @param note where the seed writes it (seed and line, e.g. {@code seed 004:182}) and what the
 *     comparison shows about it, or "" when nothing needs saying
 * @param samples the m of a mean loss when the seed writes a per-sample quantity (∂L⁽ⁱ⁾/∂·,
 *     stacked), so that the comparison is read per sample; 0 otherwise
 */
record SeedFormula(String wrt, ManualFormula formula, String note, int samples) {
  /** A formula that is not a per-sample quantity. */
  SeedFormula(String wrt, ManualFormula formula, String note) {
    this(wrt, formula, note, 0);
  }
}
