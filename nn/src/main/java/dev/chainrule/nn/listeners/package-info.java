/**
 * Ready-made {@link dev.chainrule.nn.train.TrainingListener}s: a terminal progress bar, one line
 * per epoch, and the loss curve as a PNG.
 *
 * <p>Entry points: {@link dev.chainrule.nn.listeners.ProgressBarListener} (me.tongfei:progressbar,
 * a small dependency of nn), {@link dev.chainrule.nn.listeners.EpochLine}, {@link
 * dev.chainrule.nn.listeners.LossCurveListener} and {@link dev.chainrule.nn.listeners.LossCurve}
 * (XChart, an optional dependency: add {@code org.knowm.xchart:xchart} to draw), and {@link
 * dev.chainrule.nn.listeners.TrainingListeners#all} to give a trainer several at once.
 */
package dev.chainrule.nn.listeners;
