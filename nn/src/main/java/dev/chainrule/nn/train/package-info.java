/**
 * Training and inference: mini-batches with seeded shuffling, epochs, training and validation
 * loss and accuracy, learning-rate schedules, early stopping, a listener for progress, predict and
 * evaluate.
 *
 * <p>Entry points: {@link dev.chainrule.nn.train.Trainer} (build the training graph once per
 * batch size, compile loss + gradients into one plan, update parameters in place), {@link
 * dev.chainrule.nn.train.FitOptions}, {@link dev.chainrule.nn.train.History}, {@link
 * dev.chainrule.nn.train.Inference} (predict and evaluate) and {@link
 * dev.chainrule.nn.train.TrainingListener} (progress callbacks; the examples draw a console bar
 * with it).
 */
package dev.chainrule.nn.train;
