package dev.chainrule.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.exec.train.OptimizerSnapshot;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Batch;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.Generators;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Sequential;
import dev.chainrule.nn.train.FitOptions;
import dev.chainrule.nn.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Averaging mode against a second implementation written here on one JVM: per round, one plain
 * nn trainer per partition starts from the master parameters and optimizer state, runs k steps on
 * its partition's batches (in order, wrapping around a partition that has fewer), and the master
 * takes the mean of their parameters and core's {@link OptimizerSnapshot#average} of their states.
 * Three partitions of 21, 21 and 22 samples in batches of 8 have 3 batches each, so the second
 * round of k = 2 wraps around to batch 0.
 */
class AveragingTrainingTest {
  private static final Dataset DATA = Generators.spirals(64, 3, 0.2, 3);
  private static final int BATCH = 8;
  private static final int LOCAL_STEPS = 2;

  @ParameterizedTest
  @ValueSource(strings = {"sgd", "momentum", "adam"})
  void equalsLocalStepsThenTheMeanOfParametersAndStates(String rule) {
    org.apache.spark.sql.Dataset<Row> rows = LocalSpark.rows(DATA, 3, false);
    List<Integer> sizes = rows.javaRDD().glom().map(List::size).collect();
    Sequential distributed = SynchronousTrainingTest.net();
    SparkTrainer spark = SparkTrainer.builder(distributed).loss(Loss::softmaxCrossEntropy)
        .optimizer(() -> SynchronousTrainingTest.optimizer(rule))
        .mode(TrainingMode.averaging(LOCAL_STEPS)).build();
    spark.fit(rows, FitOptions.defaults().epochs(1).batchSize(BATCH).inOrder());

    Sequential master = SynchronousTrainingTest.net();
    Trainer expected = new Trainer(master, Loss.softmaxCrossEntropy(),
        SynchronousTrainingTest.optimizer(rule));
    for (int round = 0; round < 2; round++) {
      round(expected, sizes, round);
    }
    SynchronousTrainingTest.assertParametersEqual(master, distributed, 1e-12);
    assertTrue(SynchronousTrainingTest.maxDifference(SynchronousTrainingTest.net(), master)
        > 0.01, "training moved the parameters");
    assertStatesEqual(expected.optimizerState().snapshot(),
        spark.trainer().optimizerState().snapshot());
    assertEquals(2, spark.timings().jobs(), "one Spark job per round of " + LOCAL_STEPS
        + " local steps");
  }

  /** Runs one round as the mode is documented, on plain trainers, into {@code master}. */
  private static void round(Trainer master, List<Integer> sizes, int round) {
    List<OptimizerSnapshot> states = new ArrayList<>();
    List<Sequential> replicas = new ArrayList<>();
    int start = 0;
    for (int size : sizes) {
      Sequential replica = SynchronousTrainingTest.net();
      copy(master.model().parameters(), replica.parameters());
      Trainer local = new Trainer(replica, Loss.softmaxCrossEntropy(),
          master.optimizer());
      local.optimizerState().restoreInPlace(master.optimizerState().snapshot());
      Dataset shard = DATA.slice(start, start + size);
      int batches = (size + BATCH - 1) / BATCH;
      for (int i = 0; i < LOCAL_STEPS; i++) {
        int from = ((round * LOCAL_STEPS + i) % batches) * BATCH;
        int[] indices = new int[Math.min(from + BATCH, size) - from];
        for (int k = 0; k < indices.length; k++) {
          indices[k] = from + k;
        }
        local.step(Batch.of(shard, indices), master.optimizer().learningRate());
      }
      states.add(local.optimizerState().snapshot());
      replicas.add(replica);
      start += size;
    }
    List<Parameter> params = master.model().parameters();
    for (int i = 0; i < params.size(); i++) {
      Tensor mean = Tensor.zeros(params.get(i).value().shape());
      for (Sequential r : replicas) {
        mean.addScaledInPlace(1.0 / replicas.size(), r.parameters().get(i).value());
      }
      params.get(i).value().copyFromInPlace(mean);
    }
    master.optimizerState().restoreInPlace(OptimizerSnapshot.average(states));
  }

  private static void copy(List<Parameter> from, List<Parameter> to) {
    for (int i = 0; i < from.size(); i++) {
      to.get(i).value().copyFromInPlace(from.get(i).value());
    }
  }

  private static void assertStatesEqual(OptimizerSnapshot expected, OptimizerSnapshot actual) {
    assertEquals(expected.kind(), actual.kind());
    assertEquals(expected.steps(), actual.steps());
    expected.scalars().forEach((name, v) -> assertEquals(v, actual.scalars().get(name), 1e-15,
        name));
    expected.slots().forEach((name, tensors) -> {
      for (int i = 0; i < tensors.size(); i++) {
        double[] e = tensors.get(i).buffer();
        double[] a = actual.slots().get(name).get(i).buffer();
        for (int k = 0; k < e.length; k++) {
          assertEquals(e[k], a[k], 1e-12, name + " " + i + "[" + k + "]");
        }
      }
    });
  }
}
