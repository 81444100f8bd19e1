package dev.chainrule.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.Generators;
import dev.chainrule.nn.io.ModelFile;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Sequential;
import dev.chainrule.nn.optim.Adam;
import dev.chainrule.nn.train.Evaluation;
import dev.chainrule.nn.train.FitOptions;
import dev.chainrule.nn.train.Inference;
import dev.chainrule.nn.train.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model trained on Spark is an ordinary chainrule model file, which plain chainrule loads and
 * predicts with; a model trained by plain chainrule predicts on Spark as a column, and trains on
 * there. Predictions and evaluations are compared with nn's {@link Inference} and {@link
 * Trainer#evaluate} on one JVM.
 */
class ModelFileInteropTest {
  private static final Dataset TRAIN = Generators.spirals(300, 3, 0.15, 21);
  private static final Dataset TEST = Generators.spirals(120, 3, 0.15, 22);

  @TempDir
  Path dir;

  @Test
  void aModelTrainedOnSparkIsAModelFilePlainChainruleReads() throws IOException {
    Sequential net = SynchronousTrainingTest.net();
    SparkTrainer spark = SparkTrainer.builder(net).loss(Loss::softmaxCrossEntropy)
        .optimizer(() -> Adam.of(0.02)).build();
    spark.fit(LocalSpark.rows(TRAIN, 2, true), FitOptions.defaults().epochs(30).batchSize(32));
    Path file = dir.resolve("spirals.crm");
    ModelFile.save(spark.model(), file);

    Sequential loaded = ModelFile.load(file);
    Evaluation plain = new Trainer(loaded, Loss.softmaxCrossEntropy(), Adam.of(0.02))
        .evaluate(TEST);
    Evaluation distributed = spark.evaluate(LocalSpark.rows(TEST, 3, true));
    assertEquals(plain.accuracy(), distributed.accuracy());
    assertEquals(plain.loss(), distributed.loss(), 1e-12);
    assertTrue(plain.accuracy() > 0.6, "well above chance (1/3): " + plain);
    assertPredictionsMatch(loaded, spark.transformer().transform(LocalSpark.rows(TEST, 3,
        false)));
  }

  @Test
  void aModelTrainedByPlainChainrulePredictsAndTrainsOnSpark() throws IOException {
    Sequential net = SynchronousTrainingTest.net();
    new Trainer(net, Loss.softmaxCrossEntropy(), Adam.of(0.02)).fit(TRAIN,
        FitOptions.defaults().epochs(5).batchSize(32));
    Path file = dir.resolve("plain.crm");
    ModelFile.save(net, file);

    Sequential loaded = ModelFile.load(file);
    assertPredictionsMatch(net, ChainruleTransformer.of(loaded).transform(
        LocalSpark.rows(TEST, 2, true)));
    SparkTrainer spark = SparkTrainer.builder(loaded).loss(Loss::softmaxCrossEntropy)
        .optimizer(() -> Adam.of(0.02)).build();
    double before = spark.evaluate(LocalSpark.rows(TRAIN, 2, true)).loss();
    spark.fit(LocalSpark.rows(TRAIN, 2, true), FitOptions.defaults().epochs(5).batchSize(32));
    double after = spark.evaluate(LocalSpark.rows(TRAIN, 2, true)).loss();
    assertTrue(after < before, "training on Spark went on from the file: " + before + " → "
        + after);
  }

  /** The prediction columns equal nn's class decisions and outputs for the same rows. */
  private static void assertPredictionsMatch(Sequential model,
      org.apache.spark.sql.Dataset<Row> predicted) {
    Inference inference = new Inference(model, null);
    int[] classes = inference.predictClasses(TEST.features());
    Tensor outputs = inference.predict(TEST.features());
    List<Row> rows = predicted.select("prediction", "probability", "label").collectAsList();
    assertEquals(TEST.size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(classes[i], rows.get(i).getDouble(0), "row " + i);
      Vector p = rows.get(i).getAs(1);
      for (int c = 0; c < 3; c++) {
        assertEquals(outputs.get(i, c), p.apply(c), "row " + i + " output " + c);
      }
      assertEquals(TEST.label(i), (int) rows.get(i).getDouble(2), "rows keep their order");
    }
  }
}
