package dev.chainrule.spark;

import dev.chainrule.nn.data.Dataset;
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
 * The Spark of the tests: one local session for the whole test JVM, two worker threads, and up to
 * four attempts per task (local mode's {@code local[threads,maxFailures]}: in local mode Spark
 * ignores {@code spark.task.maxFailures} and tries a task once unless the master says more).
 */
final class LocalSpark {
  /** The master URL of the tests' session. */
  static final String MASTER = "local[2,4]";

  private static SparkSession session;

  private LocalSpark() {}

  /** Returns the shared session, starting it on first use (and again if a test stopped it). */
  static synchronized SparkSession session() {
    if (session == null || session.sparkContext().isStopped()) {
      session = SparkSession.builder().master(MASTER).appName("chainrule-spark tests")
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.sql.shuffle.partitions", "2")
          .getOrCreate();
    }
    return session;
  }

  /**
   * Returns the samples of {@code data} as rows (features as an ML vector, or as an array of
   * doubles when {@code vectors} is false, and the label as a double), in order, cut into {@code
   * partitions} consecutive slices.
   */
  static org.apache.spark.sql.Dataset<Row> rows(Dataset data, int partitions, boolean vectors) {
    int width = data.featureCount();
    double[] x = data.features().buffer();
    int[] labels = data.labels();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      double[] f = new double[width];
      System.arraycopy(x, i * width, f, 0, width);
      Object features = vectors ? Vectors.dense(f) : f;
      rows.add(RowFactory.create(features, (double) labels[i]));
    }
    StructType schema = new StructType()
        .add("features", vectors ? SQLDataTypes.VectorType()
            : DataTypes.createArrayType(DataTypes.DoubleType, false), false)
        .add("label", DataTypes.DoubleType, false);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(session().sparkContext());
    return session().createDataFrame(jsc.parallelize(rows, partitions), schema);
  }
}
