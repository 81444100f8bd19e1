package dev.chainrule.nn.train;

/**
 * Callbacks a trainer makes while it runs, for progress bars and logs; every method does nothing
 * by default. Called on the training thread; a slow listener slows training.
 */
public interface TrainingListener {
  /** Called once before the first epoch with the planned epochs and batches per epoch. */
  default void onStart(int epochs, int batchesPerEpoch) {}

  /**
   * Called at the start of epoch {@code epoch} (from 0, counted on over every {@code fit} of the
   * trainer) with its learning rate.
   */
  default void onEpochStart(int epoch, double learningRate) {}

  /** Called after each training step with the batch's cost. */
  default void onBatchEnd(int epoch, int batch, double loss) {}

  /** Called after each epoch, validation included. */
  default void onEpochEnd(EpochStats stats) {}

  /** Called once when training ends, normally or early. */
  default void onEnd(History history) {}

  /** A listener that does nothing. */
  TrainingListener NONE = new TrainingListener() {};
}
