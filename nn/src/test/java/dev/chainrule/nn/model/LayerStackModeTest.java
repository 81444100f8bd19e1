package dev.chainrule.nn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.train.Sgd;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Dense;
import dev.chainrule.nn.layers.Dropout;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.layers.Mode;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.train.FitOptions;
import dev.chainrule.nn.train.Trainer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A {@link LayerStack} holding layers that behave differently while training: dropout drops only
 * in the training forward pass, and its draw counter is a buffer the trainer advances and model
 * files save, as in a {@link Network}.
 */
class LayerStackModeTest {
  /** Dropout at rate ½ on 4 features, then a dense layer whose weights are the 4×4 identity. */
  private static LayerStack dropoutThenIdentity() {
    Tensor eye = Tensor.zeros(4, 4);
    for (int i = 0; i < 4; i++) {
      eye.buffer()[i * 4 + i] = 1;
    }
    return new LayerStack(Layout.ROW, List.of(new Dropout(1, Shape.of(4), 0.5, 7),
        new Dense(2, Layout.ROW, Activation.identity(), eye,
            Tensor.zeros(Layout.ROW.biasShape(4)))));
  }

  private static double[] run(LayerStack net, Mode mode) {
    Graph g = new Graph();
    Node x = g.input("X", 8, 4);
    Node out = net.forward(x, mode).output();
    return Plan.compile(out).run(Feeds.of(x, Tensor.full(Shape.of(8, 4), 1.0))).get(out)
        .toArray();
  }

  @Test
  void dropoutDropsOnlyInTheTrainingForwardPass() {
    LayerStack net = dropoutThenIdentity();
    double[] ones = new double[32];
    Arrays.fill(ones, 1.0);
    assertArrayEquals(ones, run(net, Mode.EVALUATION), "evaluation keeps every input");
    double[] trained = run(net, Mode.TRAINING);
    long zeros = Arrays.stream(trained).filter(e -> e == 0).count();
    assertTrue(zeros > 4 && zeros < 28, "about half of 32 dropped, got " + zeros);
    assertTrue(Arrays.stream(trained).allMatch(e -> e == 0 || e == 2.0), "kept ones × 2");
  }

  @Test
  void theTrainerAdvancesTheDropoutDrawOncePerStep() {
    LayerStack net = dropoutThenIdentity();
    assertEquals(List.of("draw[1]"), net.buffers().stream().map(p -> p.name()).toList());
    Tensor x = Tensor.full(Shape.of(12, 4), 1.0);
    Tensor y = Tensor.zeros(12, 4);
    Trainer t = new Trainer(net, Loss.mse(), new Sgd(0.01));
    t.fit(Dataset.regression("ones", x, y), FitOptions.defaults().epochs(2).batchSize(4));
    assertEquals(6.0, net.buffers().get(0).value().item(), "2 epochs of 3 batches");
  }
}
