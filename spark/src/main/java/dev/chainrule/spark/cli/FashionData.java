package dev.chainrule.spark.cli;

import dev.chainrule.cli.UsageException;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.FashionMnist;
import dev.chainrule.nn.data.Scaler;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Fashion-MNIST prepared as the examples' {@code fashion-mnist} command prepares it (the same
 * held-out split and per-pixel standardisation, so that the same seed trains on the same images),
 * and turned into Spark rows: an ML vector column {@code features} and a double column {@code
 * label}, cut into consecutive partitions.
 *
 * @param train the training images, standardised
 * @param test the test images, standardised with the training images' statistics
 * @param scaler the standardisation
 */
record FashionData(Dataset train, Dataset test, Scaler scaler) {
  /** The rows' schema. */
  static final StructType SCHEMA = new StructType()
      .add("features", SQLDataTypes.VectorType(), false)
      .add("label", DataTypes.DoubleType, false);

  /**
   * Loads the first {@code limit} images of each file from {@code dir}, holds {@code validation}
   * training images out (chosen with {@code seed}) and standardises the pixels.
   *
   * @throws IllegalStateException saying how to get the data when the files are missing
   */
  static FashionData load(Path dir, int limit, int validation, long seed) {
    FashionMnist data;
    try {
      data = FashionMnist.load(dir, limit);
    } catch (NoSuchFileException e) {
      throw new IllegalStateException(e.getReason(), e);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read Fashion-MNIST from " + dir + ": "
          + e.getMessage(), e);
    }
    Dataset all = data.train();
    if (validation >= all.size()) {
      throw new UsageException("--validation " + validation + " leaves no training images out "
          + "of " + all.size());
    }
    Dataset train = validation == 0 ? all
        : all.split((double) (all.size() - validation) / all.size(), seed).train();
    Scaler scaler = Scaler.standard(train);
    return new FashionData(scaler.transform(train), scaler.transform(data.test()), scaler);
  }

  /** Returns {@code data} as rows in {@code partitions} consecutive slices. */
  static org.apache.spark.sql.Dataset<Row> rows(SparkSession spark, Dataset data,
      int partitions) {
    int width = data.featureCount();
    double[] x = data.features().toArray();
    int[] labels = data.labels();
    List<Row> rows = new ArrayList<>(data.size());
    for (int i = 0; i < data.size(); i++) {
      double[] f = new double[width];
      System.arraycopy(x, i * width, f, 0, width);
      rows.add(RowFactory.create(Vectors.dense(f), (double) labels[i]));
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    return spark.createDataFrame(jsc.parallelize(rows, partitions), SCHEMA);
  }
}
