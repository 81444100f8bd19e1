/**
 * Training updates: a {@link dev.chainrule.core.exec.train.TrainingStep} compiles forward pass,
 * backward pass and the update of the parameters in place into one plan, run once per batch; an
 * {@link dev.chainrule.core.exec.train.Update} says how the parameters change, and gradient
 * descent runs inside the gradients' matrix products.
 */
package dev.chainrule.core.exec.train;
