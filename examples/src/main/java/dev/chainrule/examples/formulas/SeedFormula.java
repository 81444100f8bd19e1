package dev.chainrule.examples.formulas;

import dev.chainrule.core.check.ManualFormula;

/**
 * One of a seed's hand-derived gradient formulas, as the seed writes it.
 *
 * @param wrt the name of the node the formula is the gradient for, e.g. {@code W[2]}
 * @param formula the formula, named as the seed writes it
 * @param note what the independent analysis says about it (seeds-analysis.md), or "" when nothing
 */
record SeedFormula(String wrt, ManualFormula formula, String note) {}
