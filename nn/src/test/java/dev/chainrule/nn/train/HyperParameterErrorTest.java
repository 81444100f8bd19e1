package dev.chainrule.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Batches;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.Generators;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.losses.Losses;
import dev.chainrule.nn.model.Sequential;
import dev.chainrule.nn.optim.Adam;
import dev.chainrule.nn.optim.LearningRateSchedule;
import dev.chainrule.nn.optim.Momentum;
import dev.chainrule.core.exec.train.Sgd;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Invalid hyper-parameters are refused where they are given, with a message naming the
 * parameter and the value: learning rates ≤ 0 or not finite, decay rates outside [0, 1), negative
 * λ, zero batch sizes and epochs, schedules that give a rate ≤ 0, initialisers of NaN.
 */
class HyperParameterErrorTest {
  private static void refused(String message, Executable build) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
    assertEquals(message, e.getMessage());
  }

  @Test
  void learningRatesMustBePositiveAndFinite() {
    refused("learning rate must be a finite number > 0, got 0.0", () -> new Sgd(0));
    refused("learning rate must be a finite number > 0, got -0.1", () -> new Sgd(-0.1));
    refused("learning rate must be a finite number > 0, got NaN", () -> Adam.of(Double.NaN));
    refused("learning rate must be a finite number > 0, got Infinity",
        () -> Momentum.of(Double.POSITIVE_INFINITY));
    Tensor w = Tensor.row(1, 2);
    var state = new Sgd(0.1).start(List.of(w));
    refused("learning rate must be a finite number > 0, got -1.0",
        () -> state.stepInPlace(new Tensor[] {Tensor.row(1, 1)}, -1));
    refused("learning rate must be a finite number > 0, got 0.0",
        () -> state.stepInPlace(new Tensor[] {Tensor.row(1, 1)}, 0));
    assertEquals(Tensor.row(1, 2), w, "nothing was updated");
  }

  @Test
  void decayRatesMustLieInTheUnitInterval() {
    refused("momentum μ must be in [0, 1), got 1.0", () -> new Momentum(0.1, 1));
    refused("momentum μ must be in [0, 1), got -0.5", () -> new Momentum(0.1, -0.5));
    refused("beta1 must be in [0, 1), got 1.5", () -> new Adam(0.1, 1.5, 0.999, 1e-8));
    refused("beta2 must be in [0, 1), got NaN", () -> new Adam(0.1, 0.9, Double.NaN, 1e-8));
    refused("epsilon must be a finite number > 0, got 0.0", () -> new Adam(0.1, 0.9, 0.999, 0));
  }

  @Test
  void lambdaMustNotBeNegative() {
    Graph g = new Graph();
    var w = g.parameter("W", Tensor.ones(2, 2));
    refused("the L2 penalty's λ must be a finite number >= 0, got -0.01",
        () -> Losses.l2Penalty(-0.01, List.of(w)));
    refused("the L2 penalty's λ must be a finite number >= 0, got NaN",
        () -> Loss.softmaxCrossEntropy().plusL2(Double.NaN, n -> n.startsWith("W")));
  }

  @Test
  void batchSizesAndEpochsMustBeAtLeastOne() {
    refused("batch size must be at least 1, got 0", () -> FitOptions.defaults().batchSize(0));
    refused("epochs must be at least 1, got 0", () -> FitOptions.defaults().epochs(0));
    refused("epochs must be at least 1, got -3", () -> FitOptions.defaults().epochs(-3));
    refused("evaluation batch size must be at least 1, got 0",
        () -> FitOptions.defaults().evaluationBatchSize(0));
    Dataset xor = Generators.xor();
    refused("batch size must be at least 1, got 0 (dataset 'xor' has 4 samples)",
        () -> Batches.of(xor, 0));
  }

  @Test
  void aScheduleGivingARateOfZeroStopsTrainingAtThatEpoch() {
    Sequential net = Sequential.builder(Layout.COLUMN, 2).dense(2, Activation.sigmoid())
        .dense(1, Activation.sigmoid()).seed(1).build();
    Tensor before = net.parameters().get(0).value().copy();
    Trainer t = new Trainer(net, Loss.halfSumOfSquares(), new Sgd(0.5));
    LearningRateSchedule falling = (epoch, base) -> base - 0.25 * epoch;
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.fit(
        Generators.xor(), FitOptions.defaults().epochs(5).batchSize(4).schedule(falling)));
    assertEquals("the learning-rate schedule gave 0.0 for epoch 2 (base rate 0.5); a learning "
        + "rate must be a finite number > 0", e.getMessage());
    assertEquals(2, t.optimizerState().steps(), "epochs 0 and 1 ran, epoch 2 (rate 0) did not");
    assertTrue(!before.equals(net.parameters().get(0).value()));
  }

  @Test
  void initialisersRefuseNonFiniteSettings() {
    refused("normal(scale): scale must be a finite number, got NaN",
        () -> Initializers.normal(Double.NaN));
    refused("uniform(low, high): high must be a finite number, got Infinity",
        () -> Initializers.uniform(0, Double.POSITIVE_INFINITY));
    refused("constant(value): value must be a finite number, got NaN",
        () -> Initializers.constant(Double.NaN));
  }
}
