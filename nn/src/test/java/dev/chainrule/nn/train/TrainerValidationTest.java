package dev.chainrule.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chainrule.core.exec.train.Sgd;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Batch;
import dev.chainrule.nn.data.Batches;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.Generators;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Sequential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The trainer's arguments follow one rule each, with one message each: a learning rate is a
 * finite number &gt; 0 wherever it is given (optimizer, step, schedule), a batch holds at least
 * one sample, and a dataset to train or evaluate on holds at least one sample.
 */
class TrainerValidationTest {
  private final Sequential net = Sequential.builder(Layout.COLUMN, 2)
      .dense(2, Activation.sigmoid()).dense(1, Activation.sigmoid()).seed(1).build();
  private final Trainer trainer = new Trainer(net, Loss.halfSumOfSquares(), new Sgd(0.5));
  private final Batch xor = Batches.of(Generators.xor(), 4).epoch(0).iterator().next();

  private static void refused(String message, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertEquals(message, e.getMessage());
  }

  @Test
  void aStepRefusesTheLearningRatesTheOptimizersRefuseWithTheirMessage() {
    Tensor before = net.parameters().get(0).value().copy();
    refused("learning rate must be a finite number > 0, got 0.0", () -> trainer.step(xor, 0.0));
    refused("learning rate must be a finite number > 0, got -1.0", () -> trainer.step(xor, -1));
    refused("learning rate must be a finite number > 0, got NaN",
        () -> trainer.step(xor, Double.NaN));
    assertEquals(before, net.parameters().get(0).value(), "nothing was updated");
    assertEquals(0, trainer.optimizerState().steps());
  }

  @Test
  void aTrainingGraphNeedsAtLeastOneSample() {
    refused("batch size must be at least 1, got 0", () -> trainer.trainingGraph(0));
    refused("batch size must be at least 1, got -2", () -> trainer.trainingGraph(-2));
  }

  @Test
  void fittingOnAnEmptyDatasetIsRefused() {
    Dataset empty = Dataset.regression("empty", Tensor.zeros(0, 2), Tensor.zeros(0, 1));
    refused("dataset 'empty' has no samples, so there is nothing to train on",
        () -> trainer.fit(empty, FitOptions.defaults().epochs(1)));
    refused("dataset 'empty' has no samples, so there is nothing to evaluate on",
        () -> trainer.fit(Generators.xor(), empty, FitOptions.defaults().epochs(1)));
    refused("dataset 'empty' has no samples, so there is nothing to evaluate on",
        () -> trainer.evaluate(empty));
  }
}
