package dev.chainrule.spark;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads the rows of a {@code Dataset<Row>} into samples: the features from an ML vector column or
 * an array column of numbers, the class from a numeric label column. The columns are checked
 * against the model on the driver ({@link #check}); every row is checked in the task that reads
 * it, and a row that does not fit throws a {@link SparkDataException} naming the column, the
 * value, the row's position in its partition and what the model takes.
 */
final class RowReader implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String features;
  private final String label;
  private final boolean vectors;
  private final int width;
  private final int outputs;
  private final String model;
  private final DType dtype;

  private RowReader(String features, String label, boolean vectors, int width, int outputs,
      String model, DType dtype) {
    this.features = features;
    this.label = label;
    this.vectors = vectors;
    this.width = width;
    this.outputs = outputs;
    this.model = model;
    this.dtype = dtype;
  }

  /** Returns this reader making shards whose features are of {@code type}, the model's dtype. */
  RowReader in(DType type) {
    return new RowReader(features, label, vectors, width, outputs, model, type);
  }

  /**
   * Returns the reader of {@code schema}'s columns {@code features} and {@code label} (null for
   * prediction, which reads no label) for a model described as {@code model} taking {@code width}
   * features and giving {@code outputs} outputs (1 for a sigmoid's two classes).
   *
   * @throws SparkDataException when a column is missing or of a type that cannot hold features or
   *     labels, naming the columns there are
   */
  static RowReader check(StructType schema, String features, String label, int width,
      int outputs, String model) {
    DataType f = column(schema, features, "features").dataType();
    boolean vectors = f.equals(SQLDataTypes.VectorType());
    if (!vectors && !(f instanceof ArrayType a && a.elementType() instanceof NumericType)) {
      throw new SparkDataException("column '" + features + "' has type " + f.simpleString()
          + ", which cannot hold features: use an ML vector (org.apache.spark.ml.linalg, e.g. "
          + "from VectorAssembler) or an array of numbers");
    }
    if (label != null) {
      DataType l = column(schema, label, "label").dataType();
      if (!(l instanceof NumericType)) {
        throw new SparkDataException("column '" + label + "' has type " + l.simpleString()
            + ", which cannot hold class labels: use a numeric column of class numbers 0.."
            + (Math.max(outputs, 2) - 1) + " (StringIndexer makes one from names)");
      }
    }
    return new RowReader(features, label, vectors, width, outputs, model, DType.FLOAT64);
  }

  private static StructField column(StructType schema, String name, String role) {
    if (!Arrays.asList(schema.fieldNames()).contains(name)) {
      throw new SparkDataException("there is no " + role + " column '" + name + "'; the data has "
          + "columns " + Arrays.toString(schema.fieldNames()));
    }
    return schema.apply(name);
  }

  /** Returns the number of features per sample. */
  int width() {
    return width;
  }

  /** Returns the names of the columns to select, features first, then the label if any. */
  String[] columns() {
    return label == null ? new String[] {features} : new String[] {features, label};
  }

  /** Reads the rows of partition {@code partition} (selected by {@link #columns}) into a shard. */
  Shard shard(int partition, Iterator<Row> rows) {
    double[] x = new double[1024 * width];
    int[] y = new int[1024];
    int n = 0;
    while (rows.hasNext()) {
      Row row = rows.next();
      if (n == y.length) {
        x = Arrays.copyOf(x, 2 * x.length);
        y = Arrays.copyOf(y, 2 * y.length);
      }
      features(row, 0, n, partition, x, n * width);
      y[n] = label(row, n, partition);
      n++;
    }
    Tensor f = Tensor.wrap(Shape.of(n, width), n * width == x.length ? x
        : Arrays.copyOf(x, n * width));
    return new Shard(partition, Shard.dataset("partition " + partition + " of '" + features
        + "'", f.to(dtype), Arrays.copyOf(y, n), outputs));
  }

  /**
   * Writes the features in column {@code column} of {@code row} (the {@code index}-th of partition
   * {@code partition}) into {@code out} from {@code at}, checking their number and finiteness.
   */
  void features(Row row, int column, int index, int partition, double[] out, int at) {
    if (row.isNullAt(column)) {
      throw bad("column '" + features + "' is null", index, partition);
    }
    int count;
    if (vectors) {
      Vector v = row.getAs(column);
      count = v.size();
      if (count == width) {
        System.arraycopy(v.toArray(), 0, out, at, width);
      }
    } else {
      List<Object> values = row.getList(column);
      count = values.size();
      for (int k = 0; k < count && count == width; k++) {
        Object value = values.get(k);
        if (value == null) {
          throw bad("column '" + features + "' holds a null at position " + k, index, partition);
        }
        out[at + k] = ((Number) value).doubleValue();
      }
    }
    if (count != width) {
      throw bad("column '" + features + "' holds " + count + " values, but " + model + " takes "
          + width + " features per sample", index, partition);
    }
    for (int k = 0; k < width; k++) {
      if (!Double.isFinite(out[at + k])) {
        throw bad("column '" + features + "' holds " + out[at + k] + " at position " + k
            + "; features must be finite numbers", index, partition);
      }
    }
  }

  private int label(Row row, int index, int partition) {
    if (row.isNullAt(1)) {
      throw bad("label column '" + label + "' is null", index, partition);
    }
    double value = ((Number) row.get(1)).doubleValue();
    int classes = Math.max(outputs, 2);
    if (value != Math.rint(value) || value < 0 || value >= classes) {
      throw bad("label column '" + label + "' holds " + value + ", but " + model + " tells "
          + classes + " classes, numbered 0.." + (classes - 1), index, partition);
    }
    return (int) value;
  }

  private static SparkDataException bad(String what, int index, int partition) {
    return new SparkDataException(what + " (row " + index + " of partition " + partition + ")");
  }
}
