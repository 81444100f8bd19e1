package dev.chainrule.nn.train;

import dev.chainrule.nn.optim.LearningRateSchedule;

/**
 * How a {@link Trainer} runs: epochs, batch size, shuffling seed, learning-rate schedule, early
 * stopping, evaluation chunk size and a listener. Immutable; each {@code with}-style method
 * returns a changed copy. Defaults: 10 epochs, batches of 32, shuffled with seed 0, constant
 * rate, no early stopping, evaluation in chunks of 1000, no listener.
 *
 * @param epochs the number of passes over the training set
 * @param batchSize samples per training step; the last batch of an epoch may be smaller
 * @param shuffle whether each epoch visits the samples in a fresh seeded order
 * @param seed the shuffling seed: the same seed gives the same orders
 * @param schedule the learning rate of each epoch
 * @param earlyStopping when to stop early, or null never to
 * @param evaluationBatchSize chunk size for validation and evaluation
 * @param listener progress callbacks
 */
public record FitOptions(int epochs, int batchSize, boolean shuffle, long seed,
    LearningRateSchedule schedule, EarlyStopping earlyStopping, int evaluationBatchSize,
    TrainingListener listener) {
  /** Checks the counts and fills absent schedule and listener with their defaults. */
  public FitOptions {
    if (epochs < 0 || batchSize < 1 || evaluationBatchSize < 1) {
      throw new IllegalArgumentException("need epochs >= 0, batch size >= 1 and evaluation batch "
          + "size >= 1, got " + epochs + ", " + batchSize + ", " + evaluationBatchSize);
    }
    schedule = schedule != null ? schedule : LearningRateSchedule.constant();
    listener = listener != null ? listener : TrainingListener.NONE;
  }

  /** Returns the defaults. */
  public static FitOptions defaults() {
    return new FitOptions(10, 32, true, 0, null, null, Inference.DEFAULT_BATCH_SIZE, null);
  }

  /** Returns these options with {@code n} epochs. */
  public FitOptions epochs(int n) {
    return new FitOptions(n, batchSize, shuffle, seed, schedule, earlyStopping,
        evaluationBatchSize, listener);
  }

  /** Returns these options with batches of {@code size}. */
  public FitOptions batchSize(int size) {
    return new FitOptions(epochs, size, shuffle, seed, schedule, earlyStopping,
        evaluationBatchSize, listener);
  }

  /** Returns these options shuffling every epoch with {@code shuffleSeed}. */
  public FitOptions shuffled(long shuffleSeed) {
    return new FitOptions(epochs, batchSize, true, shuffleSeed, schedule, earlyStopping,
        evaluationBatchSize, listener);
  }

  /** Returns these options visiting the samples in dataset order every epoch. */
  public FitOptions inOrder() {
    return new FitOptions(epochs, batchSize, false, seed, schedule, earlyStopping,
        evaluationBatchSize, listener);
  }

  /** Returns these options with learning-rate schedule {@code s}. */
  public FitOptions schedule(LearningRateSchedule s) {
    return new FitOptions(epochs, batchSize, shuffle, seed, s, earlyStopping,
        evaluationBatchSize, listener);
  }

  /** Returns these options with early stopping {@code e} (null for none). */
  public FitOptions earlyStopping(EarlyStopping e) {
    return new FitOptions(epochs, batchSize, shuffle, seed, schedule, e, evaluationBatchSize,
        listener);
  }

  /** Returns these options evaluating in chunks of {@code size}. */
  public FitOptions evaluationBatchSize(int size) {
    return new FitOptions(epochs, batchSize, shuffle, seed, schedule, earlyStopping, size,
        listener);
  }

  /** Returns these options reporting to {@code l}. */
  public FitOptions listener(TrainingListener l) {
    return new FitOptions(epochs, batchSize, shuffle, seed, schedule, earlyStopping,
        evaluationBatchSize, l);
  }
}
