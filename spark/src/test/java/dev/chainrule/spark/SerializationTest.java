package dev.chainrule.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.exec.Results;
import dev.chainrule.nn.data.Batch;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.Generators;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Model;
import dev.chainrule.nn.model.Sequential;
import dev.chainrule.nn.optim.Adam;
import dev.chainrule.nn.train.Trainer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * What travels to the executors, through Java serialization as Spark ships it: the model (as its
 * model file, and a recipe for a custom model's code), the loss and optimizer recipes, the cached
 * partitions and the transformer. A compiled plan never travels: each executor compiles its own
 * from the model, and that plan is the driver's, step for step, computing the same gradients bit
 * for bit.
 */
class SerializationTest {
  private static final Dataset DATA = Generators.spirals(60, 3, 0.2, 5);

  @SuppressWarnings("unchecked")
  static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(
        bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  @Test
  void anExecutorsReplicaCompilesTheDriversPlanAndComputesTheSameGradients() throws Exception {
    Sequential net = SynchronousTrainingTest.net();
    WorkerSpec shipped = roundTrip(new WorkerSpec("test", ShippedModel.of(net, null),
        Loss::softmaxCrossEntropy, () -> Adam.of(0.01)));
    Replica replica = new Replica(shipped);
    assertEquals(net.parameters(), replica.model().parameters());
    Trainer driver = new Trainer(net, Loss.softmaxCrossEntropy(), Adam.of(0.01));
    assertEquals(driver.trainingStep(16).explain(), replica.trainer().trainingStep(16).explain());
    Batch batch = Batch.of(DATA, new int[] {4, 8, 15, 16, 23, 42, 7, 1, 0, 2, 3, 5, 6, 9, 10, 11});
    Results here = driver.computeGradients(batch);
    List<double[]> expected = driver.trainingStep(16).gradients().stream()
        .map(g -> here.get(g).toArray()).toList();
    Results there = replica.trainer().computeGradients(batch);
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), there.get(replica.trainer().trainingStep(16).gradients()
          .get(i)).buffer());
    }
  }

  @Test
  void aPartitionSpilledToDiskComesBackWhole() throws Exception {
    Shard shard = roundTrip(new Shard(3, DATA));
    assertEquals(3, shard.partition());
    assertEquals(DATA.features(), shard.data().features());
    assertArrayEquals(DATA.labels(), shard.data().labels());
    assertEquals(DATA.targets(), shard.data().targets());
  }

  @Test
  void aCustomModelTravelsAsItsRecipeAndTrainsAsOnOneMachine() {
    Model alone = new ResidualModel(8);
    Trainer single = new Trainer(alone, Loss.softmaxCrossEntropy(), Adam.of(0.02));
    single.fit(DATA, SynchronousTrainingTest.options());
    Model distributed = new ResidualModel(8);
    SparkTrainer spark = SparkTrainer.builder(distributed).modelRecipe(() -> new ResidualModel(0))
        .loss(Loss::softmaxCrossEntropy).optimizer(() -> Adam.of(0.02)).build();
    spark.fit(LocalSpark.rows(DATA, 2, true), SynchronousTrainingTest.options());
    List<Parameter> a = alone.parameters();
    List<Parameter> b = distributed.parameters();
    for (int i = 0; i < a.size(); i++) {
      double[] x = a.get(i).value().buffer();
      double[] y = b.get(i).value().buffer();
      for (int k = 0; k < x.length; k++) {
        assertEquals(x[k], y[k], 1e-12, a.get(i).name() + "[" + k + "]");
      }
    }
    assertTrue(Math.abs(a.get(0).value().buffer()[0] - new ResidualModel(8).parameters().get(0)
        .value().buffer()[0]) > 1e-6, "training moved W1");
  }

  @Test
  void aCustomModelWithoutItsRecipeCannotTravel() {
    String m = assertThrows(IllegalArgumentException.class,
        () -> SparkTrainer.builder(new ResidualModel(1)).loss(Loss::softmaxCrossEntropy)
            .optimizer(() -> Adam.of(0.01)).build()).getMessage();
    assertTrue(m.contains("ResidualModel has no architecture") && m.contains(".modelRecipe("), m);
  }

  @Test
  void aTransformerTravelsWithItsModel() throws Exception {
    Sequential net = SynchronousTrainingTest.net();
    ChainruleTransformer original = ChainruleTransformer.of(net).setPredictionCol("guess");
    ChainruleTransformer copy = roundTrip(original);
    org.apache.spark.sql.Dataset<Row> rows = LocalSpark.rows(DATA, 2, true);
    assertEquals(original.transform(rows).select("guess", "probability").collectAsList(),
        copy.transform(rows).select("guess", "probability").collectAsList());
  }
}
