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
 * NaN. A scaler is immutable; {@code transform} returns new tensors and datasets.
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
    return standard(train.featureData(), train.size(), train.featureCount());
  }

  /** Fits a standardisation (z-score) on {@code features} of shape (n, features). */
  public static Scaler standard(Tensor features) {
    checkMatrix("standardisation", features);
    return standard(features.buffer(), features.shape().dim(0), features.shape().dim(1));
  }

  private static Scaler standard(double[] x, int n, int f) {
    checkNotEmpty("standardisation", n);
    double[] mean = new double[f];
    double[] std = new double[f];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < f; j++) {
        mean[j] += x[i * f + j];
      }
    }
    for (int j = 0; j < f; j++) {
      mean[j] /= n;
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < f; j++) {
        double d = x[i * f + j] - mean[j];
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
    return minMax(train.featureData(), train.size(), train.featureCount());
  }

  /** Fits a min-max scaling to [0, 1] on {@code features} of shape (n, features). */
  public static Scaler minMax(Tensor features) {
    checkMatrix("min-max scaling", features);
    return minMax(features.buffer(), features.shape().dim(0), features.shape().dim(1));
  }

  private static Scaler minMax(double[] x, int n, int f) {
    checkNotEmpty("min-max scaling", n);
    double[] min = new double[f];
    double[] range = new double[f];
    System.arraycopy(x, 0, min, 0, f);
    System.arraycopy(x, 0, range, 0, f);
    for (int i = 1; i < n; i++) {
      for (int j = 0; j < f; j++) {
        min[j] = Math.min(min[j], x[i * f + j]);
        range[j] = Math.max(range[j], x[i * f + j]);
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
    return Tensor.wrap(features.shape(), apply(features.buffer(), false));
  }

  /** Returns {@code data} with its features transformed; targets and labels are unchanged. */
  public Dataset transform(Dataset data) {
    if (data.featureCount() != featureCount()) {
      throw mismatch("transform", "dataset '" + data.name() + "' with " + data.featureCount()
          + " features");
    }
    return data.withFeatureData(apply(data.featureData(), false), featureCount());
  }

  /** Returns {@code scaled · scale + offset} per feature, undoing {@link #transform(Tensor)}. */
  public Tensor inverseTransform(Tensor scaled) {
    check(scaled.shape(), "inverseTransform");
    return Tensor.wrap(scaled.shape(), apply(scaled.buffer(), true));
  }

  private double[] apply(double[] x, boolean inverse) {
    int f = featureCount();
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i += f) {
      for (int j = 0; j < f; j++) {
        out[i + j] = inverse ? x[i + j] * scales[j] + offsets[j]
            : (x[i + j] - offsets[j]) / scales[j];
      }
    }
    return out;
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
