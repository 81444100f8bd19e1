package dev.chainrule.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Sequential;
import dev.chainrule.core.exec.train.Sgd;
import org.junit.jupiter.api.Test;

/**
 * Seed 004's symmetry point on its 3-4-1 network: with all-zero weights every hidden unit computes
 * the same thing and receives the same gradient, so training never tells them apart. Eight
 * samples, six of them labelled 1 (mean 0.75, so that the output bias has something to learn),
 * 100 full-batch gradient-descent steps with η = 0.5 on the mean binary cross-entropy.
 */
class SymmetryTest {
  private static final Dataset DATA = Dataset.binary("eight", Tensor.matrix(
      new double[] {0.5, -1.2, 0.3}, new double[] {2.0, 0.1, -0.7}, new double[] {-0.4, 0.8, 1.5},
      new double[] {1.1, -0.3, 0.2}, new double[] {-1.7, 0.6, -0.9}, new double[] {0.9, 1.4, 0.4},
      new double[] {-0.2, -0.5, -1.3}, new double[] {0.7, 0.0, 1.1}),
      new int[] {1, 1, 0, 1, 1, 0, 1, 1});

  private static Sequential train(Activation hidden, boolean randomHiddenWeights) {
    Sequential net = Sequential.builder(Layout.COLUMN, 3)
        .dense(4, hidden, randomHiddenWeights ? Initializers.normal(0.01) : Initializers.zeros(),
            Initializers.zeros())
        .dense(1, Activation.sigmoid(), Initializers.zeros(), Initializers.zeros())
        .seed(4).build();
    new Trainer(net, Loss.binaryCrossEntropy(), new Sgd(0.5)).fit(DATA,
        FitOptions.defaults().epochs(100).batchSize(8).inOrder());
    return net;
  }

  /**
   * tanh(0) = 0, so A[1] = 0, dW[2] = (1/m)·dZ[2]·A[1]ᵀ = 0 and, because W[2] = 0, dW[1] = 0:
   * nothing but b[2] ever moves, and it converges to logit(0.75) = ln 3 where the cost is
   * −(0.75·ln 0.75 + 0.25·ln 0.25) = 0.5623351446.
   */
  @Test
  void tanhNetWithZeroWeightsNeverMovesItsWeights() {
    Sequential net = train(Activation.tanh(), false);
    assertEquals(Tensor.zeros(4, 3), net.layers().get(0).weights());
    assertEquals(Tensor.zeros(1, 4), net.layers().get(1).weights());
    assertEquals(Tensor.zeros(4, 1), net.layers().get(0).biases());
    assertEquals(Math.log(3), net.layers().get(1).biases().item(), 1e-3);
    double j = new Inference(net, Loss.binaryCrossEntropy()).evaluate(DATA).loss();
    assertEquals(0.5623351446, j, 1e-6);
  }

  /** With sigmoid units the weights do move (σ(0) = ½ ≠ 0), but all rows of W[1] stay equal. */
  @Test
  void sigmoidNetWithZeroWeightsKeepsHiddenUnitsIdentical() {
    Sequential net = train(Activation.sigmoid(), false);
    Tensor w1 = net.layers().get(0).weights();
    Tensor w2 = net.layers().get(1).weights();
    double moved = 0;
    for (int j = 0; j < 3; j++) {
      for (int i = 1; i < 4; i++) {
        assertEquals(w1.get(0, j), w1.get(i, j), 0, "row " + i + " of W[1] differs from row 0");
      }
      moved = Math.max(moved, Math.abs(w1.get(0, j)));
    }
    for (int i = 1; i < 4; i++) {
      assertEquals(w2.get(0, 0), w2.get(0, i), 0);
    }
    assertTrue(moved > 1e-3, "W[1] should have moved away from 0, max |W[1]| = " + moved);
  }

  /** Seed 004's remedy: small random W[1] makes the hidden units differ and W[2] learn. */
  @Test
  void randomHiddenWeightsBreakTheSymmetry() {
    Sequential net = train(Activation.tanh(), true);
    Tensor w1 = net.layers().get(0).weights();
    Tensor w2 = net.layers().get(1).weights();
    assertNotEquals(w1.get(0, 0), w1.get(1, 0));
    assertNotEquals(w2.get(0, 0), w2.get(0, 1));
    assertTrue(Math.abs(w2.get(0, 0)) > 1e-3);
  }
}
