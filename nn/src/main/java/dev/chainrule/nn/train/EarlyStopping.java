package dev.chainrule.nn.train;

/**
 * When to stop before the planned epochs: after {@code patience} epochs in a row in which the
 * monitored loss (validation when a validation set is given, else training) failed to fall below
 * the best so far by more than {@code minDelta}; optionally the parameters of the best epoch are
 * restored at the end.
 *
 * @param patience epochs without improvement tolerated, at least 1
 * @param minDelta the least decrease that counts as an improvement, 0 or more
 * @param restoreBest whether to reset the parameters to the best epoch's when training ends
 */
public record EarlyStopping(int patience, double minDelta, boolean restoreBest) {
  /** Checks the settings. */
  public EarlyStopping {
    if (patience < 1 || !(minDelta >= 0)) {
      throw new IllegalArgumentException("early stopping needs patience >= 1 and minDelta >= 0, "
          + "got patience = " + patience + ", minDelta = " + minDelta);
    }
  }

  /** Returns early stopping with the given patience, no minimum decrease, restoring the best. */
  public static EarlyStopping patience(int patience) {
    return new EarlyStopping(patience, 0, true);
  }
}
