package dev.chainrule.nn.data;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Finiteness;
import dev.chainrule.core.tensor.Tensor;

/**
 * What a {@link Dataset} refuses to be built from: features that are not a matrix, labels that do
 * not match the samples or lie outside the classes, and NaN or infinite values; each message names
 * the data set and the sample.
 */
final class DatasetChecks {
  private DatasetChecks() {}

  /**
   * Returns {@code values}, new features or targets of data set {@code name}, after refusing NaN
   * and infinities among them: they would make every gradient of a batch that holds them NaN, and
   * a data set checked once lets the trainer feed its batches unscanned. Dataset's constructor
   * takes only values that passed here, or rows of a data set that did, so no sample is scanned
   * twice.
   */
  static Tensor finite(String name, Tensor values, String column) {
    int at = Finiteness.firstNonFinite(values);
    if (at >= 0) {
      int width = values.shape().dim(1);
      throw new IllegalArgumentException("dataset '" + name + "': sample " + at / width + " has "
          + Finiteness.valueAt(values, at) + " at " + column + " " + at % width + "; every "
          + column + " of a sample must be a finite number"
          + (values.dtype() == DType.FLOAT32 ? " (in float32, whose largest is about 3.4e38; a "
              + "float64 beyond it becomes infinite when converted)" : ""));
    }
    return values;
  }

  /**
   * Returns the number of samples of {@code features}, a matrix of shape (samples, features) of
   * data set {@code name}; throws naming its shape when it is not a matrix.
   */
  static int features(String name, Tensor features) {
    if (features.rank() != 2) {
      throw new IllegalArgumentException("dataset '" + name + "': features must be a matrix of "
          + "shape (samples, features), one sample per row, but have shape " + features.shape());
    }
    return features.shape().dim(0);
  }

  /**
   * Checks that data set {@code name} has {@code n} labels, each a class index below {@code
   * classCount}; throws naming the first sample whose label is outside the range.
   */
  static void labels(String name, int n, int[] labels, int classCount) {
    if (classCount < 1) {
      throw new IllegalArgumentException("dataset '" + name + "': class count must be at least 1, "
          + "got " + classCount);
    }
    if (labels.length != n) {
      throw new IllegalArgumentException("dataset '" + name + "' has " + n + " feature rows but "
          + labels.length + " labels");
    }
    for (int i = 0; i < n; i++) {
      if (labels[i] < 0 || labels[i] >= classCount) {
        throw new IllegalArgumentException("dataset '" + name + "': label " + labels[i]
            + " of sample " + i + " is outside the class range 0.." + (classCount - 1)
            + " (" + classCount + " classes)");
      }
    }
  }
}
