package dev.chainrule.nn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.io.Checkpoint;
import dev.chainrule.nn.io.ModelFile;
import dev.chainrule.nn.io.ModelFileException;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Flatten;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.layers.Mode;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.optim.Adam;
import dev.chainrule.nn.train.EarlyStopping;
import dev.chainrule.nn.train.EpochStats;
import dev.chainrule.nn.train.FitOptions;
import dev.chainrule.nn.train.History;
import dev.chainrule.nn.train.Trainer;
import dev.chainrule.nn.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image network in use: training and evaluation modes (dropout, batch norm's running
 * statistics) through the trainer, model files and checkpoints carrying the state, flattening
 * into either layout, and errors in the user's words.
 */
class NetworkTest {
  @TempDir
  Path dir;

  private static Network small(double dropout) {
    return Network.builder(1, 6, 6)
        .conv2d(2, 3, 1, Activation.relu()).batchNorm().maxPool2d(2)
        .flatten().dropout(dropout).dense(3, Activation.softmax())
        .seed(3).build();
  }

  private static Dataset data(int n) {
    Random r = new Random(5);
    Tensor x = Tensor.zeros(n, 36);
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = r.nextInt(3);
      for (int j = 0; j < 36; j++) {
        x.buffer()[i * 36 + j] = r.nextGaussian() + (j % 3 == labels[i] ? 1 : 0);
      }
    }
    return Dataset.classification("images", x, labels, 3);
  }

  private static double[] evaluate(Network net, Tensor x) {
    Graph g = new Graph();
    Node in = g.input("X", x.shape().dims());
    Node out = net.forward(in).output();
    return Plan.compile(out).run(Feeds.of(in, x)).get(out).toArray();
  }

  @Test
  void trainingUpdatesTheRunningStatisticsAndAdvancesDropout() {
    Network net = small(0.5);
    Parameter mean = net.buffers().get(0);
    Parameter draw = net.buffers().get(2);
    assertEquals("running_mean[2]", mean.name());
    assertEquals("draw[5]", draw.name());
    Trainer t = new Trainer(net, Loss.softmaxCrossEntropy(), Adam.of(0.01));
    t.fit(data(40), FitOptions.defaults().epochs(2).batchSize(10));
    assertEquals(8.0, draw.value().item(), "one draw per step: 2 epochs of 4 batches");
    assertTrue(mean.value().maxAbsDifference(Tensor.zeros(1, 2, 1, 1)) > 0,
        "the running mean moved from 0");
  }

  @Test
  void dropoutDropsWhileTrainingAndIsTheIdentityInEvaluation() {
    Network net = Network.builder(4).dropout(0.5).dense(2, Activation.identity()).seed(1)
        .build();
    Graph g = new Graph();
    Node x = g.input("X", 8, 4);
    Node dropped = net.layers().get(0).apply(x, Mode.TRAINING).a();
    Node kept = net.layers().get(0).apply(x, Mode.EVALUATION).a();
    assertEquals(x, kept, "evaluation adds no node");
    double[] v = Plan.compile(dropped).run(Feeds.of(x, Tensor.full(Shape.of(8, 4), 1.0)))
        .get(dropped).toArray();
    long zeros = java.util.Arrays.stream(v).filter(e -> e == 0).count();
    assertTrue(zeros > 4 && zeros < 28, "about half of 32 dropped, got " + zeros);
    assertTrue(java.util.Arrays.stream(v).allMatch(e -> e == 0 || e == 2.0), "kept ones × 2");
  }

  @Test
  void aModelFileCarriesTheStateAndACheckpointResumesIt() throws IOException {
    Network net = small(0.25);
    Trainer t = new Trainer(net, Loss.softmaxCrossEntropy(), Adam.of(0.01));
    Dataset d = data(30);
    t.fit(d, FitOptions.defaults().epochs(1).batchSize(10));
    Path file = dir.resolve("net.crm");
    ModelFile.save(net, file);
    Network fresh = small(0.25);
    ModelFile.loadInto(fresh, file);
    for (int i = 0; i < net.buffers().size(); i++) {
      assertEquals(net.buffers().get(i).value(), fresh.buffers().get(i).value(),
          net.buffers().get(i).name());
    }
    assertArrayEquals(evaluate(net, d.features()), evaluate(fresh, d.features()));

    Path checkpoint = dir.resolve("net.ckpt");
    Checkpoint.save(t, checkpoint);
    t.fit(d, FitOptions.defaults().epochs(1).batchSize(10));
    Network resumed = small(0.25);
    Trainer again = new Trainer(resumed, Loss.softmaxCrossEntropy(), Adam.of(0.01));
    Checkpoint.loadInto(again, checkpoint);
    again.fit(d, FitOptions.defaults().epochs(1).batchSize(10));
    assertArrayEquals(evaluate(net, d.features()), evaluate(resumed, d.features()),
        "a resumed run ends where an uninterrupted one does, dropout masks included");
  }

  @Test
  void aFileWithoutTheStateIsRefusedByName() throws IOException {
    Path file = dir.resolve("plain.crm");
    ModelFile.save(Network.builder(4).dense(2, Activation.identity()).build(), file);
    ModelFileException e = assertThrows(ModelFileException.class,
        () -> ModelFile.loadInto(Network.builder(4).batchNorm().dense(2, Activation.identity())
            .build(), file));
    assertTrue(e.getMessage().contains("parameter"), e.getMessage());
  }

  @Test
  void flattenMeetsEitherLayout() {
    Graph g = new Graph();
    Node images = g.input("A", 2, 3, 2, 2);
    Node rows = new Flatten(1, Shape.of(3, 2, 2), Layout.ROW).apply(images).a();
    Node columns = new Flatten(1, Shape.of(3, 2, 2), Layout.COLUMN).apply(images).a();
    assertEquals(Shape.of(2, 12), rows.shape());
    assertEquals(Shape.of(12, 2), columns.shape());
    double[] values = new double[24];
    for (int i = 0; i < 24; i++) {
      values[i] = i;
    }
    Tensor column = Plan.compile(columns).run(Feeds.of(images, Tensor.of(values, 2, 3, 2, 2)))
        .get(columns);
    assertEquals(13.0, column.get(1, 1), "feature 1 of sample 1 is element (1, 0, 0, 1)");
  }

  @Test
  void misplacedLayersAreNamed() {
    IllegalArgumentException dense = assertThrows(IllegalArgumentException.class,
        () -> Network.builder(1, 8, 8).conv2d(2, 3, 0, Activation.relu()).dense(3,
            Activation.identity()));
    assertTrue(dense.getMessage().contains("add flatten() before it"), dense.getMessage());
    IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
        () -> Network.builder(1, 4, 4).conv2d(2, 5, 0, Activation.relu()));
    assertTrue(big.getMessage().contains("5×5 kernel (2, 1, 5, 5) does not fit the 4×4 input"),
        big.getMessage());
    assertNotEquals(0, small(0).parameterCount());
  }

  @Test
  void earlyStoppingRestoresTheBestEpochsRunningStatisticsWithItsParameters() {
    Network net = small(0.0);
    List<Parameter> state = new ArrayList<>(net.parameters());
    state.addAll(net.buffers());
    List<List<Tensor>> afterEpoch = new ArrayList<>();
    Trainer t = new Trainer(net, Loss.softmaxCrossEntropy(), Adam.of(0.01));
    Dataset d = data(40);
    History h = t.fit(d, d, FitOptions.defaults().epochs(10).batchSize(10)
        .earlyStopping(new EarlyStopping(2, 1e9, true)).listener(new TrainingListener() {
          @Override
          public void onEpochEnd(EpochStats stats) {
            afterEpoch.add(state.stream().map(p -> p.value().copy()).toList());
          }
        }));
    assertEquals(0, h.bestEpoch());
    assertTrue(h.restoredBest());
    Tensor runningMean = net.buffers().get(0).value();
    int meanIndex = net.parameters().size();
    assertTrue(afterEpoch.get(2).get(meanIndex).maxAbsDifference(afterEpoch.get(0).get(meanIndex))
        > 0, "control: the running mean moved after the best epoch");
    for (int i = 0; i < state.size(); i++) {
      assertEquals(0.0, state.get(i).value().maxAbsDifference(afterEpoch.get(0).get(i)),
          state.get(i).name() + " is the best epoch's");
    }
    assertEquals(0.0, runningMean.maxAbsDifference(afterEpoch.get(0).get(meanIndex)));
  }
}
