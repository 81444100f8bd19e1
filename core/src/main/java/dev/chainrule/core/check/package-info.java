/**
 * Checking gradients three ways. Entry points: {@link dev.chainrule.core.check.GradCheck} compares
 * reverse mode with central finite differences ({@link dev.chainrule.core.check.GradCheckReport});
 * {@link dev.chainrule.core.check.ManualFormulaCheck} compares a hand-derived {@link
 * dev.chainrule.core.check.ManualFormula} with both, in one {@link
 * dev.chainrule.core.check.FormulaComparison} (text, JSON, or a JUnit assertion); {@link
 * dev.chainrule.core.check.ChainRuleTrace} writes the chain rule for a small scalar graph step by
 * step with the number on every edge, as seed 001 does by hand. Every check computes in float64:
 * a float32 graph is evaluated through its float64 copy ({@link
 * dev.chainrule.core.rewrite.GraphCopy#inDType}), the same function at the same point.
 */
package dev.chainrule.core.check;
