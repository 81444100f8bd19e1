package dev.chainrule.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Dense;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Sequential;
import java.util.List;
import org.junit.jupiter.api.Test;

class InferenceTest {
  /** A single softmax layer with W = I (column layout), b = 0: the outputs are softmax(x). */
  private static Sequential identitySoftmax(Layout layout) {
    Tensor w = Tensor.matrix(new double[] {1, 0, 0}, new double[] {0, 1, 0},
        new double[] {0, 0, 1});
    return Sequential.of(List.of(new Dense(1, layout, Activation.softmax(), w,
        Tensor.zeros(layout.biasShape(3)))));
  }

  private static final Tensor FEATURES = Tensor.matrix(new double[] {0, 1, 2},
      new double[] {3, 0, 0}, new double[] {0, 0, 0}, new double[] {-1, 5, 1},
      new double[] {2, 2, 9});

  @Test
  void predictReturnsRowsInEitherLayoutAndAcrossChunks() {
    for (Layout layout : Layout.values()) {
      Tensor p = new Inference(identitySoftmax(layout), null, 2).predict(FEATURES);
      assertEquals(List.of(5, 3), List.of(p.shape().dim(0), p.shape().dim(1)));
      double s = 1 + Math.exp(1) + Math.exp(2);
      assertEquals(Math.exp(2) / s, p.get(0, 2), 1e-15);
      assertEquals(1.0 / 3, p.get(2, 1), 1e-15);
      assertEquals(Math.exp(9) / (2 * Math.exp(2) + Math.exp(9)), p.get(4, 2), 1e-15);
    }
  }

  /** Predicted classes are the largest feature: 2, 0, 0 (a tie goes to the first), 1, 2. */
  @Test
  void classesAndAccuracy() {
    Inference inf = new Inference(identitySoftmax(Layout.COLUMN), Loss.softmaxCrossEntropy(), 3);
    assertArrayEquals(new int[] {2, 0, 0, 1, 2}, inf.predictClasses(FEATURES));
    Dataset data = Dataset.classification("five", FEATURES, new int[] {2, 0, 1, 1, 0}, 3);
    Evaluation e = inf.evaluate(data);
    assertEquals(3, e.correct());
    assertEquals(0.6, e.accuracy(), 0);
    double loss = 0;
    double[][] f = FEATURES.toMatrix();
    int[] y = {2, 0, 1, 1, 0};
    for (int i = 0; i < 5; i++) {
      loss += Math.log(Math.exp(f[i][0]) + Math.exp(f[i][1]) + Math.exp(f[i][2])) - f[i][y[i]];
    }
    assertEquals(loss / 5, e.loss(), 1e-14);
  }

  /** A single output is a sigmoid: class 1 exactly when the logit is positive. */
  @Test
  void singleOutputClassIsTheSignOfTheLogit() {
    Tensor logits = Tensor.row(-0.1, 0.0, 0.2);
    assertArrayEquals(new int[] {0, 0, 1}, Predictions.classes(logits, Layout.COLUMN));
    assertArrayEquals(new int[] {0, 0, 1}, Predictions.classes(logits.transpose(), Layout.ROW));
  }
}
