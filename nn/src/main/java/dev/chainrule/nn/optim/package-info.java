/**
 * Update rules that change parameters in place inside the training step: {@link
 * dev.chainrule.nn.optim.Sgd} (the seeds' W ← W − α·dW), {@link dev.chainrule.nn.optim.Momentum}
 * and {@link dev.chainrule.nn.optim.Adam}, plus {@link
 * dev.chainrule.nn.optim.LearningRateSchedule}s.
 *
 * <p>An {@link dev.chainrule.nn.optim.Optimizer} is an immutable record of hyper-parameters;
 * {@link dev.chainrule.nn.optim.Optimizer#start} returns the {@link
 * dev.chainrule.nn.optim.OptimizerState} that owns the buffers (velocity, moments) and applies
 * {@code stepInPlace} without allocating; its {@link
 * dev.chainrule.nn.optim.OptimizerState#snapshot} and {@code restoreInPlace} copy that state out
 * and back in as an {@link dev.chainrule.nn.optim.OptimizerSnapshot}, which checkpoints store.
 */
package dev.chainrule.nn.optim;
