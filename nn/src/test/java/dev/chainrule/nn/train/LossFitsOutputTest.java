package dev.chainrule.nn.train;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.exec.train.Sgd;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Sequential;
import org.junit.jupiter.api.Test;

/**
 * A loss that does not fit the output layer is refused when the trainer is built, with the loss
 * that fits. By hand: a softmax of one unit is e^z / e^z = 1 for every z, so softmax
 * cross-entropy −Σ y·log p over one unit is −y·log 1 = 0 whatever the weights (nothing is
 * learned); with a sigmoid output, softmax cross-entropy trains Z[L] as a softmax's logits while
 * the predictions apply σ to them; binary cross-entropy reads the output as a probability, which
 * a softmax of several units, a ReLU or an identity output is not for each unit alone.
 */
class LossFitsOutputTest {
  private static Sequential net(Layout layout, int units, Activation output) {
    return Sequential.builder(layout, 2).dense(3, Activation.tanh()).dense(units, output).seed(1)
        .build();
  }

  private static String refused(Sequential net, Loss loss) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Trainer(net, loss, new Sgd(0.1)));
    return e.getMessage();
  }

  @Test
  void softmaxCrossEntropyOnOneSigmoidUnitIsRefusedNamingBinaryCrossEntropy() {
    String m = refused(net(Layout.COLUMN, 1, Activation.sigmoid()), Loss.softmaxCrossEntropy());
    assertTrue(m.contains("softmax_cross_entropy") && m.contains("sigmoid")
        && m.contains("Loss.binaryCrossEntropyWithLogits()"), m);
  }

  @Test
  void softmaxCrossEntropyOnSeveralSigmoidUnitsIsRefused() {
    String m = refused(net(Layout.ROW, 3, Activation.sigmoid()),
        Loss.softmaxCrossEntropyWithIndices());
    assertTrue(m.contains("softmax_cross_entropy_indices") && m.contains("sigmoid (3 units)")
        && m.contains("softmax"), m);
  }

  @Test
  void softmaxCrossEntropyOnOneSoftmaxUnitIsRefusedBecauseItIsAlwaysZero() {
    String m = refused(net(Layout.COLUMN, 1, Activation.softmax()), Loss.softmaxCrossEntropy());
    assertTrue(m.contains("always 1") && m.contains("Loss.binaryCrossEntropyWithLogits()"), m);
  }

  @Test
  void softmaxCrossEntropyWithAnL2TermIsCheckedToo() {
    String m = refused(net(Layout.COLUMN, 1, Activation.sigmoid()),
        Loss.softmaxCrossEntropy().plusL2(0.01, n -> n.startsWith("W")));
    assertTrue(m.contains("Loss.binaryCrossEntropyWithLogits()"), m);
  }

  @Test
  void binaryCrossEntropyOnASoftmaxOrAnUnboundedOutputIsRefusedNamingTheLossThatFits() {
    String m = refused(net(Layout.ROW, 2, Activation.softmax()), Loss.binaryCrossEntropy());
    assertTrue(m.contains("binary_cross_entropy") && m.contains("softmax (2 units)")
        && m.contains("Loss.softmaxCrossEntropy()"), m);
    m = refused(net(Layout.COLUMN, 1, Activation.relu()), Loss.binaryCrossEntropyWithLogits());
    assertTrue(m.contains("relu") && m.contains("sigmoid"), m);
  }

  @Test
  void fittingPairsAreAccepted() {
    assertDoesNotThrow(() -> new Trainer(net(Layout.COLUMN, 1, Activation.sigmoid()),
        Loss.binaryCrossEntropy(), new Sgd(0.1)));
    assertDoesNotThrow(() -> new Trainer(net(Layout.ROW, 3, Activation.softmax()),
        Loss.softmaxCrossEntropy(), new Sgd(0.1)));
    assertDoesNotThrow(() -> new Trainer(net(Layout.ROW, 3, Activation.identity()),
        Loss.softmaxCrossEntropyWithIndices(), new Sgd(0.1)));
    assertDoesNotThrow(() -> new Trainer(net(Layout.COLUMN, 2, Activation.tanh()),
        Loss.l2(), new Sgd(0.1)));
  }
}
