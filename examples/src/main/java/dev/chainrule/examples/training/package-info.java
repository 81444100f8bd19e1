/**
 * What the training examples share: a console progress bar ({@link
 * dev.chainrule.examples.training.ConsoleProgress}, a {@link
 * dev.chainrule.nn.train.TrainingListener}) and the loss-curve PNG ({@link
 * dev.chainrule.examples.training.LossCurve}).
 */
package dev.chainrule.examples.training;
