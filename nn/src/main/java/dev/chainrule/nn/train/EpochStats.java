package dev.chainrule.nn.train;

/**
 * What one epoch of training produced.
 *
 * @param epoch the epoch number, from 0, counted on over every {@code fit} of the trainer
 * @param learningRate the learning rate used in this epoch
 * @param trainLoss the training cost averaged over the epoch's samples, as each batch saw it
 *     while the parameters moved
 * @param trainAccuracy the fraction of the epoch's samples classified right as they were trained
 *     on, or NaN without labels
 * @param validationLoss the validation cost after the epoch, or NaN without a validation set
 * @param validationAccuracy the validation accuracy after the epoch, or NaN
 * @param trainSeconds the wall-clock time of the epoch's training steps
 * @param seconds the wall-clock time of the whole epoch, validation included
 */
public record EpochStats(int epoch, double learningRate, double trainLoss, double trainAccuracy,
    double validationLoss, double validationAccuracy, double trainSeconds, double seconds) {
  /** Returns true when a validation set was evaluated. */
  public boolean hasValidation() {
    return !Double.isNaN(validationLoss);
  }

  /** Returns the loss early stopping watches: validation when present, else training. */
  public double monitoredLoss() {
    return hasValidation() ? validationLoss : trainLoss;
  }
}
