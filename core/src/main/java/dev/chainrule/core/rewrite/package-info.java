/**
 * Rewrites that make graphs simpler without changing their values: algebraic identities, constant
 * folding, common-subexpression elimination, dead-node removal, and the fusions that turn the ops
 * a user writes into the textbook's formulas (sigmoid + binary cross-entropy → A − Y, softmax +
 * cross-entropy → P − Y, log(softmax) → log-softmax). Entry points: {@link
 * dev.chainrule.core.rewrite.Rewriter#rewrite} for any graph, forward or backward, and {@link
 * dev.chainrule.core.rewrite.Rewriter#gradients} for a backward pass re-derived from the fused
 * forward graph in a chosen {@link dev.chainrule.core.rewrite.GradientForm}. A rewrite returns a
 * new graph ({@link dev.chainrule.core.rewrite.Rewritten}); the original is left as it was, so both
 * can be drawn.
 */
package dev.chainrule.core.rewrite;
