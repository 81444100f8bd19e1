package dev.chainrule.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.graph.Node;
import dev.chainrule.nn.data.Batch;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.Generators;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Sequential;
import dev.chainrule.nn.optim.Adam;
import dev.chainrule.core.exec.train.Sgd;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerTest {
  private static Sequential moonsNet(long seed) {
    return Sequential.builder(Layout.COLUMN, 2).dense(16, Activation.tanh())
        .dense(1, Activation.sigmoid()).weights(Initializers.xavierNormal()).seed(seed).build();
  }

  @Test
  void learnsTheMoonsWellAboveChance() {
    Dataset train = Generators.moons(200, 0.1, 1);
    Dataset validation = Generators.moons(200, 0.1, 2);
    Trainer t = new Trainer(moonsNet(3), Loss.binaryCrossEntropyWithLogits(), Adam.of(0.02));
    History h = t.fit(train, validation, FitOptions.defaults().epochs(60).batchSize(32));
    assertTrue(h.last().validationAccuracy() >= 0.97, h.last().toString());
    assertTrue(h.last().trainLoss() < h.epochs().get(0).trainLoss() / 3, h.toString());
    assertEquals(h.last().validationAccuracy(), t.evaluate(validation).accuracy());
  }

  @Test
  void learnsThreeSpiralsWithClassIndexTargetsInRows() {
    Dataset train = Generators.spirals(300, 3, 0.1, 5);
    Sequential net = Sequential.builder(Layout.ROW, 2).dense(64, Activation.relu())
        .dense(3, Activation.softmax()).weights(Initializers.heNormal()).seed(6).build();
    Trainer t = new Trainer(net, Loss.softmaxCrossEntropyWithIndices(), Adam.of(0.01));
    History h = t.fit(train, FitOptions.defaults().epochs(150).batchSize(30));
    assertTrue(t.evaluate(train).accuracy() >= 0.9, h.last().toString());
  }

  private static List<Tensor> copies(Sequential net) {
    List<Tensor> out = new ArrayList<>();
    for (Parameter p : net.parameters()) {
      out.add(p.value().copy());
    }
    return out;
  }

  @Test
  void sameSeedsGiveBitIdenticalRunsAndAnotherShuffleSeedDoesNot() {
    Dataset train = Generators.moons(50, 0.1, 1);
    List<List<Tensor>> runs = new ArrayList<>();
    for (long shuffle : new long[] {7, 7, 8}) {
      Sequential net = moonsNet(3);
      new Trainer(net, Loss.binaryCrossEntropyWithLogits(), Adam.of(0.01)).fit(train,
          FitOptions.defaults().epochs(3).batchSize(8).shuffled(shuffle));
      runs.add(copies(net));
    }
    assertEquals(runs.get(0), runs.get(1));
    assertNotEquals(runs.get(0), runs.get(2));
  }

  /** Ten samples in batches of four: steps of 4, 4 and 2 per epoch, all of them trained on. */
  @Test
  void lastPartialBatchIsTrainedWithItsOwnPlan() {
    Dataset train = Generators.moons(10, 0.1, 1);
    Trainer t = new Trainer(moonsNet(3), Loss.binaryCrossEntropyWithLogits(), new Sgd(0.1));
    List<Integer> batchesSeen = new ArrayList<>();
    t.fit(train, FitOptions.defaults().epochs(2).batchSize(4).listener(new TrainingListener() {
      @Override
      public void onBatchEnd(int epoch, int batch, double loss) {
        batchesSeen.add(batch);
      }
    }));
    assertEquals(List.of(0, 1, 2, 0, 1, 2), batchesSeen);
    assertEquals(6, t.optimizerState().steps());
    assertEquals(2, t.trainingGraph(2).batchSize());
    assertSame(t.optimizerState(), t.trainingStep(4).optimizerState(), "one state for all sizes");
    assertTrue(t.trainingStep(4).toString().contains("updates fused into GEMMs"),
        t.trainingStep(4).toString());
  }

  @Test
  void earlyStoppingStopsAndRestoresTheBestEpoch() {
    Dataset train = Generators.moons(40, 0.1, 1);
    Sequential net = moonsNet(3);
    List<List<Tensor>> afterEpoch = new ArrayList<>();
    Trainer t = new Trainer(net, Loss.binaryCrossEntropyWithLogits(), Adam.of(0.01));
    History h = t.fit(train, train, FitOptions.defaults().epochs(20).batchSize(8)
        .earlyStopping(new EarlyStopping(2, 1e9, true)).listener(new TrainingListener() {
          @Override
          public void onEpochEnd(EpochStats stats) {
            afterEpoch.add(copies(net));
          }
        }));
    assertTrue(h.stoppedEarly());
    assertEquals(3, h.epochs().size());
    assertEquals(0, h.bestEpoch());
    assertTrue(h.restoredBest());
    assertEquals(afterEpoch.get(0), copies(net));
  }

  @Test
  void divergenceIsReportedWithEpochBatchAndRate() {
    Dataset data = Dataset.regression("line", Tensor.matrix(new double[] {1}, new double[] {2}),
        Tensor.matrix(new double[] {3}, new double[] {5}));
    Sequential net = Sequential.builder(Layout.ROW, 1).dense(1, Activation.identity()).build();
    Trainer t = new Trainer(net, Loss.mse(), new Sgd(100));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> t.fit(data, FitOptions.defaults().epochs(1000).batchSize(2)));
    assertTrue(e.getMessage().contains("training diverged"), e.getMessage());
    assertTrue(e.getMessage().contains("learning rate 100"), e.getMessage());
  }

  @Test
  void datasetThatDoesNotFitTheModelIsNamed() {
    Dataset twoClasses = Generators.moons(10, 0.1, 1).withOneHotTargets();
    Trainer t = new Trainer(moonsNet(1), Loss.binaryCrossEntropy(), new Sgd(0.1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> t.fit(twoClasses, FitOptions.defaults()));
    assertTrue(e.getMessage().contains("dataset 'moons' has 2 target values per sample but the "
        + "model has 1 outputs; use dataset.withBinaryTargets()"), e.getMessage());
  }

  @Test
  void listenerHearsEveryEpochAndTheEnd() {
    Dataset train = Generators.xor();
    int[] calls = new int[4];
    new Trainer(moonsNet(1), Loss.halfSumOfSquares(), new Sgd(0.5)).fit(train,
        FitOptions.defaults().epochs(5).batchSize(1).listener(new TrainingListener() {
          @Override
          public void onStart(int epochs, int batchesPerEpoch) {
            calls[0] += epochs * 100 + batchesPerEpoch;
          }

          @Override
          public void onEpochStart(int epoch, double learningRate) {
            calls[1]++;
          }

          @Override
          public void onEpochEnd(EpochStats stats) {
            calls[2]++;
          }

          @Override
          public void onEnd(History history) {
            calls[3] += history.epochs().size();
          }
        }));
    assertEquals(List.of(504, 5, 5, 5), List.of(calls[0], calls[1], calls[2], calls[3]));
  }

  /**
   * computeGradients gives the gradients without updating: one plain SGD step of another trainer
   * from the same start moves every parameter by exactly −η times them.
   */
  @Test
  void computedGradientsAreWhatOneSgdStepSubtracts() {
    Dataset data = Generators.spirals(40, 3, 0.2, 9);
    Sequential probe = Sequential.builder(Layout.ROW, 2).dense(5, Activation.tanh())
        .dense(3, Activation.softmax()).weights(Initializers.xavierNormal()).seed(2).build();
    Sequential stepped = Sequential.builder(Layout.ROW, 2).dense(5, Activation.tanh())
        .dense(3, Activation.softmax()).weights(Initializers.xavierNormal()).seed(2).build();
    List<Tensor> before = copies(probe);
    Trainer computing = new Trainer(probe, Loss.softmaxCrossEntropy(), new Sgd(0.5));
    Batch batch = Batch.of(data, new int[] {3, 1, 4, 15, 9, 26, 5, 35});
    var results = computing.computeGradients(batch);
    List<Node> gradients = computing.trainingStep(8).gradients();
    assertEquals(before, copies(probe), "computing gradients updates nothing");
    new Trainer(stepped, Loss.softmaxCrossEntropy(), new Sgd(0.5)).step(batch, 0.5);
    for (int i = 0; i < before.size(); i++) {
      double[] g = results.get(gradients.get(i)).buffer();
      double[] w0 = before.get(i).buffer();
      double[] w1 = stepped.parameters().get(i).value().buffer();
      for (int k = 0; k < g.length; k++) {
        assertEquals(w0[k] - 0.5 * g[k], w1[k], 1e-14);
      }
    }
  }
}
