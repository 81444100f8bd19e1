package dev.chainrule.nn.data;

import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;

/**
 * A per-feature affine rescaling {@code x ↦ (x − offset) / scale}, fitted on training features
 * and then applied unchanged to validation and test features, so that inputs are of order one (seed
 * 003: gradients grow with the inputs). Two fits are offered: {@link #standard standardisation}
 * (z-scores: offset the mean, scale the population standard deviation) and {@link #minMax
 * min-max} (offset the minimum, scale the range, mapping the fitted data to [0, 1]).
 *
 * <p>A feature that is constant in the fitted data gets scale 1, so it maps to 0 rather than to
 * NaN. A scaler is immutable; {@code transform} returns new tensors and datasets of the input's
 * dtype, computed in float64 (rounded once to float32 for float32 inputs).
 */
public final class Scaler {
  private final String kind;
  private final double[] offsets;
  private final double[] scales;

  private Scaler(String kind, double[] offsets, double[] scales) {
    this.kind = kind;
    this.offsets = offsets;
    this.scales = scales;
  }

  /** Fits a standardisation (z-score) on the features of {@code train}. */
  public static Scaler standard(Dataset train) {
    return standard(train.featureData());
  }

  /**
   * Fits a standardisation (z-score) on {@code features} of shape (n, features), of either dtype;
   * the statistics are accumulated in float64.
   */
  public static Scaler standard(Tensor features) {
    checkMatrix("standardisation", features);
    int n = features.shape().dim(0);
    int f = features.shape().dim(1);
    checkNotEmpty("standardisation", n);
    double[] mean = new double[f];
    double[] std = new double[f];
    RowReader rows = new RowReader(features);
    for (int i = 0; i < n; i++) {
      double[] x = rows.row(i);
      for (int j = 0; j < f; j++) {
        mean[j] += x[j];
      }
    }
    for (int j = 0; j < f; j++) {
      mean[j] /= n;
    }
    for (int i = 0; i < n; i++) {
      double[] x = rows.row(i);
      for (int j = 0; j < f; j++) {
        double d = x[j] - mean[j];
        std[j] += d * d;
      }
    }
    for (int j = 0; j < f; j++) {
      std[j] = Math.sqrt(std[j] / n);
    }
    return new Scaler("standardisation", mean, nonZero(std));
  }

  /** Fits a min-max scaling to [0, 1] on the features of {@code train}. */
  public static Scaler minMax(Dataset train) {
    return minMax(train.featureData());
  }

  /** Fits a min-max scaling to [0, 1] on {@code features} of shape (n, features), either dtype. */
  public static Scaler minMax(Tensor features) {
    checkMatrix("min-max scaling", features);
    int n = features.shape().dim(0);
    int f = features.shape().dim(1);
    checkNotEmpty("min-max scaling", n);
    RowReader rows = new RowReader(features);
    double[] min = rows.row(0).clone();
    double[] range = min.clone();
    for (int i = 1; i < n; i++) {
      double[] x = rows.row(i);
      for (int j = 0; j < f; j++) {
        min[j] = Math.min(min[j], x[j]);
        range[j] = Math.max(range[j], x[j]);
      }
    }
    for (int j = 0; j < f; j++) {
      range[j] -= min[j];
    }
    return new Scaler("min-max scaling", min, nonZero(range));
  }

  private static double[] nonZero(double[] scales) {
    for (int j = 0; j < scales.length; j++) {
      if (scales[j] == 0) {
        scales[j] = 1;
      }
    }
    return scales;
  }

  private static void checkMatrix(String kind, Tensor features) {
    if (features.rank() != 2) {
      throw new IllegalArgumentException(kind + " is fitted on features of shape (samples, "
          + "features), but got shape " + features.shape());
    }
  }

  private static void checkNotEmpty(String kind, int n) {
    if (n == 0) {
      throw new IllegalArgumentException(kind + " cannot be fitted on 0 samples");
    }
  }

  /** Returns the number of features this scaler was fitted on. */
  public int featureCount() {
    return offsets.length;
  }

  /** Returns a copy of the per-feature offsets: the means, or the minima. */
  public double[] offsets() {
    return offsets.clone();
  }

  /** Returns a copy of the per-feature divisors: standard deviations or ranges, 0 made 1. */
  public double[] scales() {
    return scales.clone();
  }

  /** Returns {@code (x − offset) / scale} per feature for {@code features} of shape (n, f). */
  public Tensor transform(Tensor features) {
    check(features.shape(), "transform");
    return apply(features, false);
  }

  /** Returns {@code data} with its features transformed; targets and labels are unchanged. */
  public Dataset transform(Dataset data) {
    if (data.featureCount() != featureCount()) {
      throw mismatch("transform", "dataset '" + data.name() + "' with " + data.featureCount()
          + " features");
    }
    return data.withFeatureData(apply(data.featureData(), false));
  }

  /** Returns {@code scaled · scale + offset} per feature, undoing {@link #transform(Tensor)}. */
  public Tensor inverseTransform(Tensor scaled) {
    check(scaled.shape(), "inverseTransform");
    return apply(scaled, true);
  }

  /**
   * Returns a new tensor of {@code x}'s shape and dtype holding every row mapped, computed in
   * float64 and, for float32, rounded once.
   */
  private Tensor apply(Tensor x, boolean inverse) {
    int f = featureCount();
    Tensor out = Tensor.zeros(x.shape(), x.dtype());
    RowReader rows = new RowReader(x);
    Tensor mapped = Tensor.zeros(Shape.of(f));
    double[] y = mapped.buffer();
    for (int i = 0; i < x.shape().dim(0); i++) {
      double[] row = rows.row(i);
      for (int j = 0; j < f; j++) {
        y[j] = inverse ? row[j] * scales[j] + offsets[j] : (row[j] - offsets[j]) / scales[j];
      }
      Elements.copy(mapped, 0, out, i * f, f);
    }
    return out;
  }

  /** Reads the rows of a matrix of either dtype as float64, through one reused row. */
  private static final class RowReader {
    private final Tensor matrix;
    private final int width;
    private final Tensor row;

    RowReader(Tensor matrix) {
      this.matrix = matrix;
      this.width = matrix.shape().dim(1);
      this.row = Tensor.zeros(Shape.of(width));
    }

    /** Returns row {@code i}, valid until the next call. */
    double[] row(int i) {
      Elements.copy(matrix, i * width, row, 0, width);
      return row.buffer();
    }
  }

  private void check(Shape shape, String method) {
    if (shape.rank() != 2 || shape.dim(1) != featureCount()) {
      throw mismatch(method, "a tensor of shape " + shape
          + (shape.rank() == 2 ? " with " + shape.dim(1) + " features" : ""));
    }
  }

  private IllegalArgumentException mismatch(String method, String what) {
    return new IllegalArgumentException(method + ": this " + kind + " was fitted on "
        + featureCount() + " features, but was given " + what + "; expected shape (n, "
        + featureCount() + ")");
  }

  /** Returns the kind of scaling and its feature count, e.g. "min-max scaling of 3 features". */
  @Override
  public String toString() {
    return kind + " of " + featureCount() + " features";
  }
}
