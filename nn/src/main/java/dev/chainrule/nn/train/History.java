package dev.chainrule.nn.train;

import java.util.List;

/**
 * The record of a training run: one {@link EpochStats} per epoch run, and whether and where early
 * stopping ended it.
 *
 * @param epochs the statistics of every epoch run, in order
 * @param stoppedEarly true when early stopping ended the run before the planned epochs
 * @param bestEpoch the epoch with the lowest monitored loss (validation if present), or -1 when
 *     no epoch ran
 * @param restoredBest true when the parameters were reset to those of {@code bestEpoch}
 */
public record History(List<EpochStats> epochs, boolean stoppedEarly, int bestEpoch,
    boolean restoredBest) {
  /** Copies the list. */
  public History {
    epochs = List.copyOf(epochs);
  }

  /** Returns the training loss of every epoch, in order: the loss curve. */
  public double[] trainLosses() {
    return epochs.stream().mapToDouble(EpochStats::trainLoss).toArray();
  }

  /** Returns the validation loss of every epoch (NaN where none was evaluated). */
  public double[] validationLosses() {
    return epochs.stream().mapToDouble(EpochStats::validationLoss).toArray();
  }

  /** Returns the last epoch's statistics; throws when no epoch ran. */
  public EpochStats last() {
    if (epochs.isEmpty()) {
      throw new IllegalStateException("no epoch was run");
    }
    return epochs.get(epochs.size() - 1);
  }

  /** Returns the mean wall-clock seconds per epoch, validation included (0 when none ran). */
  public double secondsPerEpoch() {
    return epochs.stream().mapToDouble(EpochStats::seconds).average().orElse(0);
  }
}
