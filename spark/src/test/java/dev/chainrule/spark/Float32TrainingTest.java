package dev.chainrule.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.Generators;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Sequential;
import dev.chainrule.nn.train.History;
import dev.chainrule.nn.train.Inference;
import dev.chainrule.nn.train.Trainer;
import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A float32 model trained synchronously by Spark on three partitions (local[2]) ends where the
 * same float32 model trained by nn's {@link Trainer} on one JVM ends, stays float32, is
 * broadcast as float32 (4 bytes a parameter), and predicts on Spark what it predicts on one
 * machine.
 *
 * <p>The tolerance: the single machine sums a batch's gradient in float32 inside one matrix
 * product; Spark sums each partition's part in float32 and adds the parts in float64 before
 * rounding once. The sums differ by a few float32 roundings (u = 2⁻²⁴ ≈ 6e−8) on gradients of
 * order 1, about 1e−6 per step; 48 steps at learning rates ≤ 0.3 through a tanh network move
 * parameters of order 1 apart by at most about 1e−5. {@value #TOLERANCE} is ten times that, and
 * four orders of magnitude below how far training moves the parameters (more than 0.1).
 */
class Float32TrainingTest {
  private static final double TOLERANCE = 1e-4;
  private static final Dataset DATA = Generators.spirals(250, 3, 0.2, 11);

  private static Sequential net() {
    return Sequential.builder(Layout.ROW, 2).dense(12, Activation.tanh())
        .dense(3, Activation.softmax()).weights(Initializers.xavierNormal()).seed(4)
        .dtype(DType.FLOAT32).build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sgd", "adam"})
  void aFloat32ModelTrainedBySparkEqualsTheSingleMachineTrainer(String rule) {
    Sequential alone = net();
    Trainer single = new Trainer(alone, Loss.softmaxCrossEntropy(),
        SynchronousTrainingTest.optimizer(rule));
    History expected = single.fit(DATA.to(DType.FLOAT32), SynchronousTrainingTest.options());

    Sequential distributed = net();
    SparkTrainer spark = SparkTrainer.builder(distributed).loss(Loss::softmaxCrossEntropy)
        .optimizer(() -> SynchronousTrainingTest.optimizer(rule)).build();
    org.apache.spark.sql.Dataset<Row> rows = LocalSpark.rows(DATA, 3, true);
    History actual = spark.fit(rows, SynchronousTrainingTest.options());

    for (Parameter p : distributed.parameters()) {
      assertEquals(DType.FLOAT32, p.value().dtype(), p.name());
    }
    int jobs = 3 * ((DATA.size() + 15) / 16);
    assertEquals(jobs, spark.timings().jobs());
    assertEquals(jobs * 4L * distributed.parameterCount(), spark.timings().broadcastBytes(),
        "every step broadcasts the parameters as float32, 4 bytes a number");
    double d = maxDifference(alone, distributed);
    assertTrue(d <= TOLERANCE, "parameters differ by up to " + d);
    assertTrue(maxDifference(net(), alone) > 0.1, "training moved the parameters");
    for (int e = 0; e < 3; e++) {
      assertEquals(expected.epochs().get(e).trainLoss(), actual.epochs().get(e).trainLoss(),
          TOLERANCE, "epoch " + e + " cost");
    }
    assertPredictionsMatch(distributed, spark.transformer().transform(rows));
  }

  /**
   * Spark's predictions with the float32 model are those of the model on one machine, on the
   * same features rounded to float32: the same arithmetic, to float32's last digit or so.
   */
  private static void assertPredictionsMatch(Sequential model,
      org.apache.spark.sql.Dataset<Row> predicted) {
    Tensor outputs = new Inference(model, null).predict(DATA.to(DType.FLOAT32).features());
    List<Row> out = predicted.select("probability").collectAsList();
    assertEquals(DATA.size(), out.size());
    for (int i = 0; i < out.size(); i++) {
      Vector p = out.get(i).getAs(0);
      for (int c = 0; c < 3; c++) {
        assertEquals(outputs.get(i, c), p.apply(c), 1e-6, "row " + i + " output " + c);
      }
    }
  }

  private static double maxDifference(Sequential a, Sequential b) {
    List<Parameter> pa = a.parameters();
    List<Parameter> pb = b.parameters();
    double max = 0;
    for (int i = 0; i < pa.size(); i++) {
      max = Math.max(max, pa.get(i).value().maxAbsDifference(pb.get(i).value()));
    }
    return max;
  }
}
