package dev.chainrule.nn.train;

/**
 * A model's cost and accuracy over a whole dataset.
 *
 * @param loss the cost averaged over samples (each batch's cost weighted by its size), or NaN
 *     when evaluated without a loss
 * @param accuracy the fraction of samples whose predicted class is their label, or NaN for a
 *     regression dataset
 * @param correct the number of correctly classified samples (0 for regression)
 * @param samples the number of samples evaluated
 */
public record Evaluation(double loss, double accuracy, int correct, int samples) {}
