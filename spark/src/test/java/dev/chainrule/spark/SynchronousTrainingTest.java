package dev.chainrule.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.exec.train.Optimizer;
import dev.chainrule.core.exec.train.Sgd;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.Generators;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Sequential;
import dev.chainrule.nn.optim.Adam;
import dev.chainrule.nn.optim.LearningRateSchedule;
import dev.chainrule.nn.optim.Momentum;
import dev.chainrule.nn.train.FitOptions;
import dev.chainrule.nn.train.History;
import dev.chainrule.nn.train.Trainer;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Synchronous Spark training is single-machine training: the same model, loss, optimizer and
 * options, trained by nn's {@link Trainer} on one JVM and by {@link SparkTrainer} on three
 * partitions of unequal size (local[2]), end at the same parameters to 1e-12, with the same cost
 * and accuracy in every epoch. The reference is the plain trainer, which fuses plain SGD into the
 * gradients' matrix products and never splits a batch, so the two paths share no arithmetic
 * beyond the model's operations.
 */
class SynchronousTrainingTest {
  /** 250 samples: 15 full batches of 16 and a last one of 10 in each epoch. */
  private static final Dataset DATA = Generators.spirals(250, 3, 0.2, 11);

  static Sequential net() {
    return Sequential.builder(Layout.ROW, 2).dense(12, Activation.tanh())
        .dense(3, Activation.softmax()).weights(Initializers.xavierNormal()).seed(4).build();
  }

  static Optimizer optimizer(String name) {
    switch (name) {
      case "sgd":
        return new Sgd(0.3);
      case "momentum":
        return Momentum.of(0.1);
      default:
        return Adam.of(0.02);
    }
  }

  static FitOptions options() {
    return FitOptions.defaults().epochs(3).batchSize(16).shuffled(7)
        .schedule(LearningRateSchedule.cosine(3, 0.1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sgd", "momentum", "adam"})
  void equalsTheSingleMachineTrainerOnTheSameBatches(String rule) {
    Sequential alone = net();
    Trainer single = new Trainer(alone, Loss.softmaxCrossEntropy(), optimizer(rule));
    History expected = single.fit(DATA, options());

    Sequential distributed = net();
    SparkTrainer spark = SparkTrainer.builder(distributed).loss(Loss::softmaxCrossEntropy)
        .optimizer(() -> optimizer(rule)).build();
    org.apache.spark.sql.Dataset<Row> rows = LocalSpark.rows(DATA, 3, true);
    History actual = spark.fit(rows, options());

    assertParametersEqual(alone, distributed, 1e-12);
    assertTrue(maxDifference(net(), alone) > 0.1, "training moved the parameters");
    for (int e = 0; e < 3; e++) {
      assertEquals(expected.epochs().get(e).trainLoss(), actual.epochs().get(e).trainLoss(),
          1e-12, "epoch " + e + " cost");
      assertEquals(expected.epochs().get(e).trainAccuracy(),
          actual.epochs().get(e).trainAccuracy(), "epoch " + e + " accuracy");
      assertEquals(expected.epochs().get(e).learningRate(),
          actual.epochs().get(e).learningRate());
    }
    assertEquals(single.optimizerState().steps(), spark.trainer().optimizerState().steps());
    assertEquals(3 * 16, spark.timings().jobs(), "one Spark job per batch");
  }

  static void assertParametersEqual(Sequential expected, Sequential actual, double tolerance) {
    double d = maxDifference(expected, actual);
    assertTrue(d <= tolerance, "parameters differ by up to " + d);
  }

  static double maxDifference(Sequential a, Sequential b) {
    List<Parameter> pa = a.parameters();
    List<Parameter> pb = b.parameters();
    double max = 0;
    for (int i = 0; i < pa.size(); i++) {
      double[] x = pa.get(i).value().buffer();
      double[] y = pb.get(i).value().buffer();
      for (int k = 0; k < x.length; k++) {
        max = Math.max(max, Math.abs(x[k] - y[k]));
      }
    }
    return max;
  }
}
