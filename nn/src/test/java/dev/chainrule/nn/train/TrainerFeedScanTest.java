package dev.chainrule.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.exec.FeedException;
import dev.chainrule.core.exec.train.Sgd;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Batch;
import dev.chainrule.nn.data.Batches;
import dev.chainrule.nn.data.Generators;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Sequential;
import org.junit.jupiter.api.Test;

/**
 * {@code fit} feeds the batches it has just filled from a data set (finite by construction)
 * without scanning them again; a batch handed to {@code step} or {@code computeGradients}, which
 * its holder may have changed, is scanned, and a NaN in it is refused before anything is updated.
 */
class TrainerFeedScanTest {
  private final Sequential net = Sequential.builder(Layout.ROW, 2)
      .dense(2, Activation.sigmoid()).dense(1, Activation.sigmoid()).seed(1).build();
  private final Trainer trainer = new Trainer(net, Loss.halfSumOfSquares(), new Sgd(0.5));

  @Test
  void aBatchChangedByItsHolderIsScannedBeforeAStep() {
    Batch batch = Batches.of(Generators.xor(), 4).epoch(0).iterator().next();
    Tensor before = net.parameters().get(0).value().copy();
    batch.features().buffer()[5] = Double.NaN;
    FeedException e = assertThrows(FeedException.class, () -> trainer.step(batch, 0.5));
    assertTrue(e.getMessage().contains("was fed NaN at flat index 5"), e.getMessage());
    assertThrows(FeedException.class, () -> trainer.computeGradients(batch));
    assertEquals(before, net.parameters().get(0).value(), "nothing was updated");
  }

  @Test
  void fitMatchesStepsOnTheSameBatches() {
    Sequential twin = Sequential.builder(Layout.ROW, 2)
        .dense(2, Activation.sigmoid()).dense(1, Activation.sigmoid()).seed(1).build();
    Trainer byStep = new Trainer(twin, Loss.halfSumOfSquares(), new Sgd(0.5));
    trainer.fit(Generators.xor(), FitOptions.defaults().epochs(3).batchSize(2).shuffled(7));
    Batches batches = Batches.of(Generators.xor(), 2).shuffled(7);
    for (int e = 0; e < 3; e++) {
      for (Batch b : batches.epoch(e)) {
        byStep.step(b, 0.5);
      }
    }
    for (int i = 0; i < net.parameters().size(); i++) {
      assertEquals(twin.parameters().get(i).value(), net.parameters().get(i).value());
    }
  }
}
