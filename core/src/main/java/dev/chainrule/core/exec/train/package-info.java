/**
 * Training updates, built on the plans of {@code dev.chainrule.core.exec}: a {@link
 * dev.chainrule.core.exec.train.TrainingStep} compiles forward pass, backward pass and an
 * optimizer's update of the parameters in place into one plan, run once per batch.
 *
 * <p>Entry points: {@link dev.chainrule.core.exec.train.TrainingStep#builder}, given an {@link
 * dev.chainrule.core.exec.train.Optimizer} such as {@link dev.chainrule.core.exec.train.Sgd}
 * (which the step runs inside the gradients' matrix products; momentum and Adam live in nn) or an
 * {@link dev.chainrule.core.exec.train.OptimizerState} shared with other steps. A step also
 * computes gradients only ({@link dev.chainrule.core.exec.train.TrainingStep#computeGradients})
 * and applies an update to gradients summed elsewhere ({@link
 * dev.chainrule.core.exec.train.TrainingStep#applyInPlace}), for data-parallel workers, whose
 * states {@link dev.chainrule.core.exec.train.OptimizerSnapshot#average} averages. A rule of your
 * own extends {@link dev.chainrule.core.exec.train.CountedState}, checking its settings with
 * {@link dev.chainrule.core.exec.train.HyperParameters}. Any rule clips gradients by global norm
 * through {@link dev.chainrule.core.exec.train.Optimizer#clippedByGlobalNorm} ({@link
 * dev.chainrule.core.exec.train.ClippedByGlobalNorm}).
 */
package dev.chainrule.core.exec.train;
