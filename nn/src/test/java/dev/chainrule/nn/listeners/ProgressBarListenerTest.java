package dev.chainrule.nn.listeners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.Generators;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Sequential;
import dev.chainrule.core.exec.train.Sgd;
import dev.chainrule.nn.train.EpochStats;
import dev.chainrule.nn.train.FitOptions;
import dev.chainrule.nn.train.TrainingListener;
import dev.chainrule.nn.train.Trainer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressBarListenerTest {
  @Test
  void epochsAreCountedOnOverFitsOfOneTrainer() {
    assertEquals("epoch 1/2", ProgressBarListener.epochOf(0, 0, 2));
    assertEquals("epoch 2/2", ProgressBarListener.epochOf(1, 0, 2));
    assertEquals("epoch 4/5", ProgressBarListener.epochOf(3, 3, 2));
    assertEquals("epoch 5/5", ProgressBarListener.epochOf(4, 3, 2));
  }

  /** Trains 3 epochs of 40 samples in batches of 10 (4 batches an epoch). */
  private static void fit(TrainingListener listener) {
    Dataset moons = Generators.moons(40, 0.1, 1);
    Sequential net = Sequential.builder(Layout.COLUMN, 2).dense(4, Activation.tanh())
        .dense(1, Activation.sigmoid()).seed(2).build();
    new Trainer(net, Loss.binaryCrossEntropyWithLogits(), new Sgd(0.1)).fit(moons,
        FitOptions.defaults().epochs(3).batchSize(10).listener(listener));
  }

  @Test
  void perEpochBarsEndFullAndEachEpochIsSummarisedOnce() {
    ByteArrayOutputStream drawn = new ByteArrayOutputStream();
    List<EpochStats> summarised = new ArrayList<>();
    fit(ProgressBarListener.perEpoch().withSummary(summarised::add)
        .drawingTo(new PrintStream(drawn, true, StandardCharsets.UTF_8)));
    String bars = drawn.toString(StandardCharsets.UTF_8);
    for (int epoch = 1; epoch <= 3; epoch++) {
      assertTrue(bars.contains("epoch " + epoch + "/3 100% "), bars);
    }
    assertTrue(bars.contains("4/4"), "4 batches of 10 out of 40 samples: " + bars);
    assertEquals(List.of(0, 1, 2), summarised.stream().map(EpochStats::epoch).toList());
  }

  @Test
  void aWholeRunBarCountsEveryBatch() {
    ByteArrayOutputStream drawn = new ByteArrayOutputStream();
    fit(ProgressBarListener.wholeRun().drawingTo(new PrintStream(drawn, true,
        StandardCharsets.UTF_8)));
    String bar = drawn.toString(StandardCharsets.UTF_8);
    assertTrue(bar.contains("training 100% ") && bar.contains("12/12"),
        "3 epochs × 4 batches: " + bar);
    assertTrue(bar.contains("epoch 3/3 loss "), bar);
  }

  @Test
  void consoleOnlyDrawsNothingWithoutATerminalButStillSummarises() {
    ByteArrayOutputStream drawn = new ByteArrayOutputStream();
    List<EpochStats> summarised = new ArrayList<>();
    fit(ProgressBarListener.perEpoch().withSummary(summarised::add).consoleOnly()
        .drawingTo(new PrintStream(drawn, true, StandardCharsets.UTF_8)));
    assertEquals(null, System.console(), "the tests run without a terminal");
    assertEquals("", drawn.toString(StandardCharsets.UTF_8));
    assertEquals(3, summarised.size());
  }

  @Test
  void anEpochLineShowsWhatTheEpochMeasured() {
    EpochStats s = new EpochStats(2, 1e-3, 0.41234, 0.85211, 0.44104, Double.NaN, 1.4, 1.5234);
    assertEquals("epoch   3  lr 1.00e-03  train loss 0.4123 acc 0.8521  validation loss "
        + "0.4410  1.52s", EpochLine.of(s));
  }
}
