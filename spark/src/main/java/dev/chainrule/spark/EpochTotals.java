package dev.chainrule.spark;

/**
 * What one epoch of Spark training adds up to: the cost summed over the samples trained on, the
 * correct predictions among them (synchronous mode; -1 when not counted) and their number.
 *
 * @param lossSum Σ cost over the samples
 * @param correct correctly predicted samples, or -1 when not counted
 * @param samples the samples trained on
 */
record EpochTotals(double lossSum, long correct, long samples) {
  /** Returns the mean cost per sample. */
  double meanLoss() {
    return samples == 0 ? Double.NaN : lossSum / samples;
  }

  /** Returns the fraction of samples predicted right, or NaN when not counted. */
  double accuracy() {
    return correct < 0 || samples == 0 ? Double.NaN : (double) correct / samples;
  }
}
