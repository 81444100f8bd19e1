package dev.chainrule.nn.data;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Rows;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * An immutable in-memory labelled dataset in row layout: features of shape (n, features), one
 * sample per row, and targets of shape (n, outputs). Classification sets also keep the class index
 * of every sample; their targets are one-hot rows ({@link #classification}) or a single 0/1 column
 * for a sigmoid output ({@link #binary}). Regression sets have real targets and no class indices.
 *
 * <p>Features and targets are float64, or float32 ({@link #dtype()}) for a float32 model: a
 * float32 set is read straight into floats ({@code FashionMnist.load(dir, limit, DType.FLOAT32)})
 * or converted with {@link #to}. Every accessor returns a copy, so a dataset never changes once
 * built. Its features and targets are finite numbers: building one with NaN or an infinity among
 * them, or converting one to float32 where a value overflows, is refused and names the sample.
 * The seeds' column
 * layout (features × m) is available through {@link #featuresColumns()} and {@link
 * #targetsColumns()}.
 */
public final class Dataset {
  private final String name;
  private final int size;
  private final int featureCount;
  private final int outputCount;
  private final int classCount;
  private final Tensor features;
  private final Tensor targets;
  private final int[] labels;

  private Dataset(String name, int size, int featureCount, int outputCount, int classCount,
      Tensor features, Tensor targets, int[] labels) {
    this.name = name;
    this.size = size;
    this.featureCount = featureCount;
    this.outputCount = outputCount;
    this.classCount = classCount;
    this.features = features;
    this.targets = targets;
    this.labels = labels;
  }

  /**
   * Returns a classification dataset whose targets are the one-hot rows of {@code labels}; throws
   * when a label lies outside {@code 0 .. classCount-1}.
   */
  public static Dataset classification(String name, Tensor features, int[] labels,
      int classCount) {
    return classification(name, features, labels, classCount, true);
  }

  /**
   * Builds a one-hot classification dataset; with {@code copy} false it takes over the storage of
   * {@code features} and {@code labels}, which a loader has just filled and will not touch again.
   */
  static Dataset classification(String name, Tensor features, int[] labels, int classCount,
      boolean copy) {
    int n = DatasetChecks.features(name, features);
    DatasetChecks.labels(name, n, labels, classCount);
    double[] oneHot = new double[n * classCount];
    for (int i = 0; i < n; i++) {
      oneHot[i * classCount + labels[i]] = 1.0;
    }
    return new Dataset(name, n, features.shape().dim(1), classCount, classCount,
        DatasetChecks.finite(name, copy ? features.copy() : features, "feature"),
        Tensor.wrap(Shape.of(n, classCount), oneHot).to(features.dtype()),
        copy ? labels.clone() : labels);
  }

  /**
   * Returns a two-class dataset whose targets are one column holding each label as 0 or 1, the
   * layout of a single sigmoid output (seeds 001 and 004); throws for any label other than 0 or 1.
   */
  public static Dataset binary(String name, Tensor features, int[] labels) {
    int n = DatasetChecks.features(name, features);
    DatasetChecks.labels(name, n, labels, 2);
    double[] column = new double[n];
    for (int i = 0; i < n; i++) {
      column[i] = labels[i];
    }
    return new Dataset(name, n, features.shape().dim(1), 1, 2,
        DatasetChecks.finite(name, features.copy(), "feature"),
        Tensor.wrap(Shape.of(n, 1), column).to(features.dtype()), labels.clone());
  }

  /** Returns a regression dataset with real-valued targets of shape (n, outputs). */
  public static Dataset regression(String name, Tensor features, Tensor targets) {
    int n = DatasetChecks.features(name, features);
    if (targets.rank() != 2 || targets.shape().dim(0) != n) {
      throw new IllegalArgumentException("dataset '" + name + "': targets must have shape (" + n
          + ", outputs) to match features of shape " + features.shape() + ", but have shape "
          + targets.shape());
    }
    return new Dataset(name, n, features.shape().dim(1), targets.shape().dim(1), 0,
        DatasetChecks.finite(name, features.copy(), "feature"),
        DatasetChecks.finite(name, owned(targets, features.dtype()), "output"), null);
  }

  /** Returns {@code t} in {@code dtype} as a tensor of its own: a copy or a conversion. */
  private static Tensor owned(Tensor t, DType dtype) {
    return t.dtype() == dtype ? t.copy() : t.to(dtype);
  }

  /** Returns the name given when the dataset was built, used in messages and reports. */
  public String name() {
    return name;
  }

  /** Returns the number of samples n. */
  public int size() {
    return size;
  }

  /** Returns the number of features per sample. */
  public int featureCount() {
    return featureCount;
  }

  /** Returns the number of target values per sample (the width of {@link #targets()}). */
  public int outputCount() {
    return outputCount;
  }

  /** Returns the number of classes, or 0 for a regression dataset. */
  public int classCount() {
    return classCount;
  }

  /** Returns true when the samples carry class indices (classification), false for regression. */
  public boolean hasLabels() {
    return labels != null;
  }

  /**
   * Returns the number type of the features and targets: float64, or float32 for a set loaded or
   * converted for a float32 model.
   */
  public DType dtype() {
    return features.dtype();
  }

  /**
   * Returns this dataset with features and targets in {@code dtype}: itself when it is already,
   * else a copy whose values are rounded to the nearest float (to float32) or widened exactly.
   */
  public Dataset to(DType dtype) {
    return dtype == dtype() ? this : new Dataset(name, size, featureCount, outputCount,
        classCount, narrowed(features, dtype, "feature"), narrowed(targets, dtype, "output"),
        labels);
  }

  /** Returns a copy of the features, shape (n, features), one sample per row. */
  public Tensor features() {
    return features.copy();
  }

  /** Returns a copy of the targets, shape (n, outputs), one sample per row. */
  public Tensor targets() {
    return targets.copy();
  }

  /** Returns the features in the seeds' column layout, shape (features, n): one sample a column. */
  public Tensor featuresColumns() {
    return features.transpose();
  }

  /** Returns the targets in the seeds' column layout, shape (outputs, n): one sample a column. */
  public Tensor targetsColumns() {
    return targets.transpose();
  }

  /** Returns a copy of the class index of every sample; throws for a regression dataset. */
  public int[] labels() {
    return requireLabels("labels()").clone();
  }

  /** Returns the class index of sample {@code i}; throws for a regression dataset. */
  public int label(int i) {
    checkIndex(i);
    return requireLabels("label(i)")[i];
  }

  /** Returns how many samples fall into each class, indexed by class. */
  public int[] classCounts() {
    int[] counts = new int[classCount];
    for (int label : requireLabels("classCounts()")) {
      counts[label]++;
    }
    return counts;
  }

  private int[] requireLabels(String method) {
    if (labels == null) {
      throw new IllegalStateException(method + " needs class labels, but dataset '" + name
          + "' is a regression dataset with real targets");
    }
    return labels;
  }

  private void checkIndex(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("sample " + i + " is outside dataset '" + name
          + "' of " + size + " samples");
    }
  }

  /** Returns the samples {@code from} (inclusive) to {@code to} (exclusive) as a new dataset. */
  public Dataset slice(int from, int to) {
    if (from < 0 || to > size || from > to) {
      throw new IndexOutOfBoundsException("slice(" + from + ", " + to + ") is outside dataset '"
          + name + "' of " + size + " samples; need 0 <= from <= to <= " + size);
    }
    int[] indices = new int[to - from];
    Arrays.setAll(indices, k -> from + k);
    return subset(indices);
  }

  /** Returns the samples at {@code indices}, in that order (repeats allowed), as a new dataset. */
  public Dataset subset(int[] indices) {
    for (int i : indices) {
      checkIndex(i);
    }
    int m = indices.length;
    Tensor f = Tensor.zeros(Shape.of(m, featureCount), dtype());
    Tensor t = Tensor.zeros(Shape.of(m, outputCount), dtype());
    Rows.gather(features, indices, f);
    Rows.gather(targets, indices, t);
    int[] l = null;
    if (labels != null) {
      l = new int[m];
      for (int k = 0; k < m; k++) {
        l[k] = labels[indices[k]];
      }
    }
    return new Dataset(name, m, featureCount, outputCount, classCount, f, t, l);
  }

  /** Returns the live class indices (null for regression) for readers in this package. */
  int[] labelData() {
    return labels;
  }

  /** Returns the live targets, shape (n, outputs), for readers in this package. */
  Tensor targetData() {
    return targets;
  }

  /** Returns the live features, shape (n, features), for readers in this package. */
  Tensor featureData() {
    return features;
  }

  /**
   * Splits the samples, shuffled with {@code seed}, into a training part holding {@code
   * trainFraction} of them (rounded) and a validation part holding the rest.
   */
  public Split split(double trainFraction, long seed) {
    if (!(trainFraction >= 0 && trainFraction <= 1)) {
      throw new IllegalArgumentException("train fraction must lie in [0, 1], got "
          + trainFraction);
    }
    int[] order = Permutations.of(size, new SplittableRandom(seed));
    int cut = (int) Math.round(trainFraction * size);
    return new Split(withName(subset(Arrays.copyOfRange(order, 0, cut)), name + "/train"),
        withName(subset(Arrays.copyOfRange(order, cut, size)), name + "/validation"));
  }

  private static Dataset withName(Dataset d, String name) {
    return new Dataset(name, d.size, d.featureCount, d.outputCount, d.classCount, d.features,
        d.targets, d.labels);
  }

  /**
   * Returns this dataset with new features of shape (n, any width) and the same targets and
   * labels, e.g. after scaling.
   */
  public Dataset withFeatures(Tensor newFeatures) {
    int n = DatasetChecks.features(name, newFeatures);
    if (n != size) {
      throw new IllegalArgumentException("dataset '" + name + "' has " + size + " samples but the "
          + "new features have shape " + newFeatures.shape() + " with " + n + " rows");
    }
    return withFeatureData(newFeatures.copy());
  }

  /**
   * Returns this dataset with the fresh (n, width) tensor {@code owned} as its features, taken
   * over, and its targets in {@code owned}'s dtype.
   */
  Dataset withFeatureData(Tensor owned) {
    return new Dataset(name, size, owned.shape().dim(1), outputCount, classCount,
        DatasetChecks.finite(name, owned, "feature"), narrowed(targets, owned.dtype(), "output"),
        labels);
  }

  /**
   * Returns this set's finite {@code values} in {@code dtype}, scanned again only when converting
   * to float32, where a float64 beyond its range becomes infinite.
   */
  private Tensor narrowed(Tensor values, DType dtype, String column) {
    Tensor converted = values.to(dtype);
    return dtype == DType.FLOAT32 && values.dtype() != dtype
        ? DatasetChecks.finite(name, converted, column) : converted;
  }

  /** Returns this classification dataset with one-hot targets of width {@link #classCount()}. */
  public Dataset withOneHotTargets() {
    return classification(name, features, requireLabels("withOneHotTargets()"), classCount,
        false);
  }

  /** Returns this two-class dataset with a single 0/1 target column; throws for other counts. */
  public Dataset withBinaryTargets() {
    int[] l = requireLabels("withBinaryTargets()");
    if (classCount != 2) {
      throw new IllegalStateException("withBinaryTargets() needs 2 classes, but dataset '" + name
          + "' has " + classCount);
    }
    return binary(name, features, l);
  }

  /**
   * Returns a one-line description: name, sample count, feature count, outputs, classes and, for
   * float32, the dtype.
   */
  @Override
  public String toString() {
    return "Dataset '" + name + "': " + size + " samples × " + featureCount + " features, "
        + outputCount + (outputCount == 1 ? " output" : " outputs")
        + (labels == null ? " (regression)" : ", " + classCount + " classes")
        + (dtype() == DType.FLOAT32 ? ", float32" : "");
  }

  /** The two parts of {@link #split}: a training set and a validation set. */
  public record Split(Dataset train, Dataset validation) {}
}
