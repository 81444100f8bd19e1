package dev.chainrule.nn.data;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Permute;
import dev.chainrule.core.tensor.Rows;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;

/**
 * One mini-batch of a {@link Batches} epoch: the features, targets, class indices and dataset
 * positions of up to batch-size samples, in row layout and in the dataset's dtype.
 *
 * <p>A batch is a reused buffer: the iterator that returned it overwrites its tensors and arrays
 * on the following call to {@code next()}. Read it, or copy what must outlive the step, before
 * advancing. Its targets are copied from the dataset when first asked for after a refill, so that
 * a trainer whose loss reads the class indices does not copy one-hot rows it never reads; until
 * then the batch holds on to the dataset's targets (not its features).
 */
public final class Batch {
  private final Tensor features;
  private final Tensor targets;
  private final int[] labels;
  private final int[] indices;
  private Tensor targetSource;
  private Tensor featuresColumns;
  private Tensor targetsColumns;
  private boolean columnsCurrent;

  Batch(int size, int featureCount, int outputCount, boolean withLabels, DType dtype) {
    this.features = Tensor.zeros(Shape.of(size, featureCount), dtype);
    this.targets = Tensor.zeros(Shape.of(size, outputCount), dtype);
    this.labels = withLabels ? new int[size] : null;
    this.indices = new int[size];
  }

  /**
   * Returns the samples of {@code data} at {@code indices}, in that order, as one batch of its own
   * (not reused): e.g. a data-parallel worker's share of a global batch.
   *
   * @throws IndexOutOfBoundsException naming the index and the dataset when one lies outside it
   */
  public static Batch of(Dataset data, int[] indices) {
    for (int i : indices) {
      if (i < 0 || i >= data.size()) {
        throw new IndexOutOfBoundsException("sample " + i + " is outside dataset '" + data.name()
            + "' of " + data.size() + " samples");
      }
    }
    Batch b = new Batch(indices.length, data.featureCount(), data.outputCount(), data.hasLabels(),
        data.dtype());
    b.fill(data, indices, 0);
    return b;
  }

  /** Refills this batch with the samples at {@code order[from .. from+size())} of {@code data}. */
  void fill(Dataset data, int[] order, int from) {
    int n = indices.length;
    System.arraycopy(order, from, indices, 0, n);
    Rows.gather(data.featureData(), indices, features);
    targetSource = data.targetData();
    if (labels != null) {
      int[] all = data.labelData();
      for (int k = 0; k < n; k++) {
        labels[k] = all[indices[k]];
      }
    }
    columnsCurrent = false;
  }

  /**
   * Returns whether this batch holds {@code size} samples of {@code data}'s widths, labels and
   * dtype.
   */
  public boolean fits(Dataset data, int size) {
    return indices.length == size && features.dtype() == data.dtype()
        && features.shape().dim(1) == data.featureCount()
        && targets.shape().dim(1) == data.outputCount() && (labels != null) == data.hasLabels();
  }

  /** Returns the number of samples in this batch. */
  public int size() {
    return indices.length;
  }

  /** Returns the live features of this batch, shape (size, features), refilled by the next. */
  public Tensor features() {
    return features;
  }

  /** Returns the live targets of this batch, shape (size, outputs), refilled by the next. */
  public Tensor targets() {
    if (targetSource != null) {
      Rows.gather(targetSource, indices, targets);
      targetSource = null;
    }
    return targets;
  }

  /**
   * Returns the live class indices of this batch, one per sample, overwritten by the next batch;
   * throws for a regression dataset.
   */
  public int[] labels() {
    if (labels == null) {
      throw new IllegalStateException("this batch comes from a regression dataset, which has no "
          + "class labels; use targets()");
    }
    return labels;
  }

  /** Returns the live positions in the dataset of this batch's samples, in batch order. */
  public int[] indices() {
    return indices;
  }

  /**
   * Returns the features in the seeds' column layout, shape (features, size), transposed into a
   * buffer that is reused like the batch itself.
   */
  public Tensor featuresColumns() {
    updateColumns();
    return featuresColumns;
  }

  /** Returns the targets in column layout, shape (outputs, size), in a reused buffer. */
  public Tensor targetsColumns() {
    updateColumns();
    return targetsColumns;
  }

  private void updateColumns() {
    if (columnsCurrent) {
      return;
    }
    if (featuresColumns == null) {
      featuresColumns = Tensor.zeros(transposed(features.shape()), features.dtype());
      targetsColumns = Tensor.zeros(transposed(targets.shape()), targets.dtype());
    }
    int[] swap = {1, 0};
    Permute.into(features, swap, featuresColumns);
    Permute.into(targets(), swap, targetsColumns);
    columnsCurrent = true;
  }

  private static Shape transposed(Shape s) {
    return Shape.of(s.dim(1), s.dim(0));
  }
}
