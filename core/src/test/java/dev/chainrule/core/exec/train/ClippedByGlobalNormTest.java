package dev.chainrule.core.exec.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gradient clipping by global norm: hand-computed updates, the training step, snapshots. */
class ClippedByGlobalNormTest {
  @Test
  void gradientsOverTheBoundAreScaledTogetherByCOverTheirNorm() {
    Tensor a = Tensor.of(new double[] {1, 1}, 2);
    Tensor b = Tensor.of(new double[] {1}, 1);
    OptimizerState s = new Sgd(1).clippedByGlobalNorm(1).start(List.of(a, b));
    Tensor ga = Tensor.of(new double[] {3, 0}, 2);
    Tensor gb = Tensor.of(new double[] {4}, 1);
    s.stepInPlace(new Tensor[] {ga, gb}, 0.5);
    double f = 1 / (5 + 1e-6);
    assertArrayEquals(new double[] {1 - 0.5 * 3 * f, 1}, a.toArray(), 1e-15);
    assertArrayEquals(new double[] {1 - 0.5 * 4 * f}, b.toArray(), 1e-15);
    assertArrayEquals(new double[] {3, 0}, ga.toArray(), 0.0, "the gradients are read only");
    assertEquals(1, s.steps());
  }

  @Test
  void gradientsWithinTheBoundPassUnchanged() {
    Tensor a = Tensor.of(new double[] {1, 1}, 2);
    OptimizerState s = new Sgd(1).clippedByGlobalNorm(10).start(List.of(a));
    s.stepInPlace(new Tensor[] {Tensor.of(new double[] {3, -4}, 2)}, 0.1);
    assertArrayEquals(new double[] {1 - 0.3, 1 + 0.4}, a.toArray(), 1e-15);
  }

  @Test
  void aTrainingStepClipsTheGradientsOfItsLoss() {
    Graph g = new Graph();
    Tensor w0 = Tensor.of(new double[] {2, -1, 3}, 3);
    Node w = g.parameter("w", w0.copy());
    Node x = g.input("x", 3);
    Node loss = w.mul(x).sum().square();
    TrainingStep step = TrainingStep.builder(loss).parameters(w)
        .optimizer(new Sgd(0.1).clippedByGlobalNorm(2)).build();
    Tensor xv = Tensor.of(new double[] {1, 2, 0.5}, 3);
    Results r = step.run(Feeds.of(x, xv));
    double dot = 2 * 1 + -1 * 2 + 3 * 0.5;
    assertEquals(dot * dot, r.scalar(loss), 1e-12);
    double[] grad = {2 * dot * 1, 2 * dot * 2, 2 * dot * 0.5};
    double norm = Math.sqrt(grad[0] * grad[0] + grad[1] * grad[1] + grad[2] * grad[2]);
    double f = 2 / (norm + 1e-6);
    assertTrue(f < 1, "the example must clip");
    double[] expected = new double[3];
    for (int i = 0; i < 3; i++) {
      expected[i] = w0.toArray()[i] - 0.1 * f * grad[i];
    }
    assertArrayEquals(expected, w.storedValue().toArray(), 1e-12);
  }

  @Test
  void aSnapshotRecordsTheBoundAndRefusesAnotherOne() {
    Tensor a = Tensor.of(new double[] {1}, 1);
    OptimizerSnapshot saved = new Sgd(1).clippedByGlobalNorm(1).start(List.of(a)).snapshot();
    assertEquals(1.0, saved.settings().get(ClippedByGlobalNorm.SETTING));
    OptimizerState other = new Sgd(1).clippedByGlobalNorm(2).start(List.of(a));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> other.restoreInPlace(saved));
    assertEquals("the saved optimizer sgd(lr=1.0, max_grad_norm=1.0) clipped gradients to "
        + "global norm 1.0, but this one is sgd(lr=1.0) with gradients clipped to global norm "
        + "2.0", e.getMessage());
    new Sgd(1).clippedByGlobalNorm(1).start(List.of(a)).restoreInPlace(saved);
  }

  @Test
  void aBoundThatIsNotPositiveIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Sgd(1).clippedByGlobalNorm(0));
    assertTrue(e.getMessage().contains("maximum gradient norm"), e.getMessage());
  }
}
