package dev.chainrule.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.Generators;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Sequential;
import dev.chainrule.nn.train.FitOptions;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Data that does not fit the model fails before any training step with a {@link
 * SparkDataException} in the user's words: the column, the value found, what the model takes and
 * the row, whether the driver saw it in the schema or an executor's task in a row.
 */
class DataErrorsTest {
  private static SparkTrainer trainer() {
    return SparkTrainer.builder(SynchronousTrainingTest.net()).loss(Loss::softmaxCrossEntropy)
        .optimizer(() -> SynchronousTrainingTest.optimizer("sgd")).build();
  }

  private static SparkDataException fitFails(org.apache.spark.sql.Dataset<Row> rows) {
    return assertThrows(SparkDataException.class,
        () -> trainer().fit(rows, FitOptions.defaults().epochs(1)));
  }

  @Test
  void featuresOfAnotherWidthNameTheColumnTheWidthsAndTheRow() {
    Dataset three = Dataset.classification("three features", Tensor.of(new double[] {
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 4, 3), new int[] {0, 1, 2, 0}, 3);
    for (boolean vectors : new boolean[] {true, false}) {
      SparkDataException e = fitFails(LocalSpark.rows(three, 1, vectors));
      assertEquals("column 'features' holds 3 values, but the 2-12-3 model takes 2 features "
          + "per sample (row 0 of partition 0)", e.getMessage());
    }
  }

  @Test
  void aMissingColumnNamesTheColumnsThereAre() {
    org.apache.spark.sql.Dataset<Row> rows = LocalSpark.rows(Generators.spirals(10, 3, 0.1, 1),
        1, true).withColumnRenamed("label", "class");
    assertEquals("there is no label column 'label'; the data has columns [features, class]",
        fitFails(rows).getMessage());
  }

  @Test
  void aTextColumnIsNoFeaturesColumn() {
    StructType schema = new StructType().add("features", DataTypes.StringType)
        .add("label", DataTypes.DoubleType);
    org.apache.spark.sql.Dataset<Row> rows = LocalSpark.session().createDataFrame(
        List.of(RowFactory.create("1,2", 0.0)), schema);
    String m = fitFails(rows).getMessage();
    assertTrue(m.startsWith("column 'features' has type string, which cannot hold features"), m);
  }

  @Test
  void aLabelOutsideTheClassesIsNamedWithItsRow() {
    StructType schema = new StructType().add("features", SQLDataTypes.VectorType())
        .add("label", DataTypes.DoubleType);
    org.apache.spark.sql.Dataset<Row> rows = LocalSpark.session().createDataFrame(List.of(
        RowFactory.create(Vectors.dense(0.5, 1), 2.0),
        RowFactory.create(Vectors.dense(0.5, 1), 1.5)), schema).coalesce(1);
    assertEquals("label column 'label' holds 1.5, but the 2-12-3 model tells 3 classes, "
        + "numbered 0..2 (row 1 of partition 0)", fitFails(rows).getMessage());
  }

  @Test
  void predictionsCheckTheWidthToo() {
    Dataset three = Dataset.classification("three features", Tensor.of(new double[] {
        0, 1, 2, 3, 4, 5}, 2, 3), new int[] {0, 1}, 3);
    Sequential net = SynchronousTrainingTest.net();
    org.apache.spark.sql.Dataset<Row> predicted = ChainruleTransformer.of(net)
        .transform(LocalSpark.rows(three, 1, true));
    SparkDataException e = assertThrows(SparkDataException.class,
        () -> SparkJobs.run(predicted::collectAsList));
    assertEquals("column 'features' holds 3 values, but the 2-12-3 model takes 2 features per "
        + "sample (row 0 of partition 0)", e.getMessage());
  }
}
