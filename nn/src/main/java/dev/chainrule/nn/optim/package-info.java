/**
 * Update rules beyond gradient descent, as optimizers of core's training step ({@link
 * dev.chainrule.core.exec.train.Optimizer}): {@link dev.chainrule.nn.optim.Momentum} and {@link
 * dev.chainrule.nn.optim.Adam}, plus {@link dev.chainrule.nn.optim.LearningRateSchedule}s that
 * pick each epoch's learning rate. Plain gradient descent ({@link
 * dev.chainrule.core.exec.train.Sgd}, the seeds' W ← W − α·dW) is core's, because a training step
 * runs it inside the gradients' matrix products.
 *
 * <p>Each rule is an immutable record of hyper-parameters; {@code start} returns the state that
 * owns its buffers (velocity, moments) and updates the parameters in place without allocating; the
 * state's {@code snapshot} and {@code restoreInPlace} copy it out and back in as an {@link
 * dev.chainrule.core.exec.train.OptimizerSnapshot}, which checkpoints store.
 */
package dev.chainrule.nn.optim;
