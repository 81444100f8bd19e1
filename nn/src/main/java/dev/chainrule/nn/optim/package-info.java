/**
 * Update rules that change parameters in place inside the training step: {@link
 * dev.chainrule.core.exec.train.Sgd} (the seeds' W ← W − α·dW), {@link dev.chainrule.nn.optim.Momentum}
 * and {@link dev.chainrule.nn.optim.Adam}, plus {@link
 * dev.chainrule.nn.optim.LearningRateSchedule}s.
 *
 * <p>An {@link dev.chainrule.core.exec.train.Optimizer} is an immutable record of hyper-parameters;
 * {@link dev.chainrule.core.exec.train.Optimizer#start} returns the {@link
 * dev.chainrule.core.exec.train.OptimizerState} that owns the buffers (velocity, moments) and applies
 * {@code stepInPlace} without allocating; its {@link
 * dev.chainrule.core.exec.train.OptimizerState#snapshot} and {@code restoreInPlace} copy that state out
 * and back in as an {@link dev.chainrule.core.exec.train.OptimizerSnapshot}, which checkpoints store.
 */
package dev.chainrule.nn.optim;
