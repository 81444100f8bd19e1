package dev.chainrule.nn.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * Mini-batch iteration over a {@link Dataset}: a fixed batch size, an optional seeded shuffle and
 * a choice to keep or drop the last partial batch. A {@code Batches} is an immutable setting;
 * {@link #epoch(int)} gives the batches of one pass.
 *
 * <p>Shuffling is reproducible: the order of epoch {@code e} is drawn from a {@link
 * SplittableRandom} seeded with the caller's seed and {@code e}, so the same seed and epoch number
 * always give the same order, whatever ran before, and each epoch gets a fresh order.
 *
 * <p>Iteration copies one batch at a time into buffers allocated once per epoch: every full batch
 * of an epoch is the same {@link Batch} object refilled, and a partial last batch has its own.
 * Use a batch's contents before calling {@code next()} again. A caller running many epochs passes
 * one buffer from {@link #newFullBatch()} to {@link #epoch(int, Batch)}, so that no epoch
 * allocates one (at batch 1024 of 784 features, 6.4 MB an epoch).
 */
public final class Batches {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private final Dataset data;
  private final int batchSize;
  private final boolean shuffle;
  private final long seed;
  private final boolean dropLast;

  private Batches(Dataset data, int batchSize, boolean shuffle, long seed, boolean dropLast) {
    this.data = data;
    this.batchSize = batchSize;
    this.shuffle = shuffle;
    this.seed = seed;
    this.dropLast = dropLast;
  }

  /**
   * Returns batches of {@code batchSize} samples in dataset order, keeping the last partial batch;
   * throws when the batch size is not positive.
   */
  public static Batches of(Dataset data, int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize
          + " (dataset '" + data.name() + "' has " + data.size() + " samples)");
    }
    return new Batches(data, batchSize, false, 0L, false);
  }

  /** Returns these batches with each epoch's samples shuffled in an order fixed by {@code seed}. */
  public Batches shuffled(long seed) {
    return new Batches(data, batchSize, true, seed, dropLast);
  }

  /** Returns these batches dropping ({@code true}) or keeping each epoch's last partial batch. */
  public Batches dropLast(boolean drop) {
    return new Batches(data, batchSize, shuffle, seed, drop);
  }

  /** Returns the batch size. */
  public int batchSize() {
    return batchSize;
  }

  /** Returns how many batches one epoch yields. */
  public int batchCount() {
    int full = data.size() / batchSize;
    return dropLast || data.size() % batchSize == 0 ? full : full + 1;
  }

  /** Returns the order in which epoch {@code epoch} visits the samples, before any drop. */
  public int[] order(int epoch) {
    int n = data.size();
    if (!shuffle) {
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      return order;
    }
    return shuffledOrder(n, seed, epoch);
  }

  /**
   * Returns the order in which epoch {@code epoch} of batches {@link #shuffled shuffled} with
   * {@code seed} visits {@code size} samples: what {@link #order} returns for a dataset of that
   * size, for callers that hold the samples elsewhere (the partitions of a cluster).
   */
  public static int[] shuffledOrder(int size, long seed, int epoch) {
    return Permutations.of(size, new SplittableRandom(seed + GOLDEN_GAMMA * (epoch + 1L)));
  }

  /** Returns the batches of pass number {@code epoch} (from 0), to iterate once or many times. */
  public Iterable<Batch> epoch(int epoch) {
    return epoch(epoch, null);
  }

  /**
   * Returns the batches of pass number {@code epoch}, every full batch refilled into {@code full}
   * (modified; from {@link #newFullBatch()}, or null for a buffer of the epoch's own).
   *
   * @throws IllegalArgumentException when {@code full} does not hold a batch of this batch size
   *     and of this dataset's features, targets and labels
   */
  public Iterable<Batch> epoch(int epoch, Batch full) {
    if (full != null && !full.fits(data, batchSize)) {
      throw new IllegalArgumentException("the batch buffer holds " + full.size() + " samples of "
          + full.features().shape().dim(1) + " features and " + full.targets().shape().dim(1)
          + " targets in " + full.features().dtype() + ", but batches of dataset '" + data.name()
          + "' hold " + batchSize + " samples of " + data.featureCount() + " features and "
          + data.outputCount() + " targets" + (data.hasLabels() ? " with labels" : "") + " in "
          + data.dtype() + "; take it from newFullBatch()");
    }
    return () -> new EpochIterator(order(epoch), full);
  }

  /** Returns a new buffer for the full batches of these batches, for {@link #epoch(int, Batch)}. */
  public Batch newFullBatch() {
    return newBatch(batchSize);
  }

  private Batch newBatch(int size) {
    return new Batch(size, data.featureCount(), data.outputCount(), data.hasLabels(),
        data.dtype());
  }

  private final class EpochIterator implements Iterator<Batch> {
    private final int[] order;
    private final int end;
    private int position;
    private Batch full;

    EpochIterator(int[] order, Batch full) {
      this.order = order;
      this.full = full;
      this.end = dropLast ? order.length - order.length % batchSize : order.length;
    }

    @Override
    public boolean hasNext() {
      return position < end;
    }

    @Override
    public Batch next() {
      if (!hasNext()) {
        throw new NoSuchElementException("epoch of " + batchCount() + " batches is finished");
      }
      int count = Math.min(batchSize, end - position);
      Batch batch;
      if (count == batchSize) {
        if (full == null) {
          full = newBatch(batchSize);
        }
        batch = full;
      } else {
        batch = newBatch(count);
      }
      batch.fill(data, order, position);
      position += count;
      return batch;
    }
  }
}
