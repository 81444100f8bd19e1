package dev.chainrule.spark;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Dataset;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * The samples of one partition of the training data, read once from its rows into an nn {@link
 * Dataset} (features in row layout, class labels) and kept by Spark in memory, spilling to disk,
 * for every step of every epoch. Its place in the global sample order is given by the partition
 * number; when Spark moves or spills it, it travels as its arrays, the features in the dataset's
 * dtype (float[] for a float32 dataset, double[] for a float64 one).
 */
final class Shard implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int partition;
  private transient Dataset data;

  Shard(int partition, Dataset data) {
    this.partition = partition;
    this.data = data;
  }

  /** Returns the number of the partition these samples come from. */
  int partition() {
    return partition;
  }

  /** Returns the number of samples. */
  int size() {
    return data.size();
  }

  /** Returns the samples. */
  Dataset data() {
    return data;
  }

  /**
   * Returns the classification dataset {@code name} of {@code features} and {@code labels}: one
   * 0/1 target column when the model has {@code outputs} = 1 (a sigmoid output), else one-hot
   * targets over {@code outputs} classes.
   */
  static Dataset dataset(String name, Tensor features, int[] labels, int outputs) {
    return outputs == 1 ? Dataset.binary(name, features, labels)
        : Dataset.classification(name, features, labels, outputs);
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    out.writeUTF(data.name());
    out.writeInt(data.featureCount());
    out.writeInt(data.outputCount());
    Tensor features = data.features();
    out.writeObject(features.dtype() == DType.FLOAT32 ? features.floatBuffer()
        : features.buffer());
    out.writeObject(data.labels());
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    String name = in.readUTF();
    int width = in.readInt();
    int outputs = in.readInt();
    Object features = in.readObject();
    int[] labels = (int[]) in.readObject();
    Shape shape = Shape.of(labels.length, width);
    data = dataset(name, features instanceof float[] f ? Tensor.wrapFloats(shape, f)
        : Tensor.wrap(shape, (double[]) features), labels, outputs);
  }
}
