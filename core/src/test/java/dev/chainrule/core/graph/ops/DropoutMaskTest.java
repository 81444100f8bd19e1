package dev.chainrule.core.graph.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Dropout's mask: values 0 or 1/(1 − p) with the rate's frequency, the same mask for the same
 * seed and draw, a fresh one for another draw, and the gradient of x ∘ mask equal to the mask.
 */
class DropoutMaskTest {
  private static double[] mask(double rate, long seed, long draw, int n) {
    Tensor out = Tensor.zeros(n);
    new DropoutMask(rate, seed, Shape.of(n)).forward(new Tensor[] {Tensor.scalar(draw)}, out);
    return out.toArray();
  }

  @Test
  void dropsTheRateAndScalesTheRest() {
    int n = 200_000;
    double[] m = mask(0.3, 5, 1, n);
    long dropped = Arrays.stream(m).filter(v -> v == 0.0).count();
    long kept = Arrays.stream(m).filter(v -> v == 1 / 0.7).count();
    assertEquals(n, dropped + kept, "every element is 0 or 1/(1 − p)");
    // binomial standard deviation √(n p (1 − p)) ≈ 205; 5 of them
    assertEquals(0.3 * n, dropped, 5 * Math.sqrt(n * 0.3 * 0.7));
  }

  @Test
  void aDrawGivesOneMaskAndAnotherDrawAnother() {
    assertArrayEquals(mask(0.5, 9, 4, 64), mask(0.5, 9, 4, 64));
    assertFalse(Arrays.equals(mask(0.5, 9, 4, 64), mask(0.5, 9, 5, 64)));
    assertFalse(Arrays.equals(mask(0.5, 9, 4, 64), mask(0.5, 10, 4, 64)));
  }

  @Test
  void theGradientOfDropoutIsTheMask() {
    Graph g = new Graph();
    Node x = g.parameter("x", Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3));
    Node draw = g.constant("draw", Tensor.scalar(3));
    Node y = x.dropout(0.5, 11, draw);
    Node dx = Autodiff.grad(y.sum(), x).get(0);
    Results r = Plan.compile(y, dx).run(Feeds.none());
    double[] mask = mask(0.5, 11, 3, 6);
    for (int i = 0; i < 6; i++) {
      assertEquals((i + 1) * mask[i], r.get(y).toArray()[i], 0.0);
      assertEquals(mask[i], r.get(dx).toArray()[i], 0.0);
    }
  }

  /**
   * In a float32 graph the mask drops the elements the float64 mask drops and keeps the others at
   * 1/(1 − p) rounded to float once (1/0.7 is not a float), and so does the gradient of x ∘ mask:
   * each element is one product by the mask, rounded once, so float32 equals float64's value
   * rounded to float exactly.
   */
  @Test
  void inFloat32TheMaskDropsTheSameElementsAndKeepsTheRestAtTheRoundedScale() {
    Graph g = new Graph(DType.FLOAT32);
    double[] values = {1, 2, 3, 4, 5, 6, 7, 8};
    Node x = g.parameter("x", Tensor.of(values, 2, 4).to(DType.FLOAT32));
    Node draw = g.constant("draw", Tensor.scalar(3).to(DType.FLOAT32));
    Node y = x.dropout(0.3, 11, draw);
    Node dx = Autodiff.grad(y.mul(x).sum(), x).get(0);
    Results r = Plan.compile(y, dx).run(Feeds.none());
    assertEquals(DType.FLOAT32, r.get(y).dtype());
    assertEquals(DType.FLOAT32, r.get(dx).dtype());
    double[] mask = mask(0.3, 11, 3, 8);
    assertTrue(Arrays.stream(mask).anyMatch(v -> v == 0) && Arrays.stream(mask)
        .anyMatch(v -> v != 0), "the sample drops some elements and keeps others");
    float[] got = r.get(y).floatBuffer();
    float[] gradient = r.get(dx).floatBuffer();
    float kept = (float) (1 / 0.7);
    for (int i = 0; i < 8; i++) {
      float m = mask[i] == 0 ? 0f : kept;
      assertEquals((float) values[i] * m, got[i], 0f, "y at " + i);
      assertEquals(2 * (float) values[i] * m, gradient[i], 0f, "d(y∘x)/dx = 2·x∘mask at " + i);
    }
  }

  @Test
  void aRateOfOneOrMoreIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new DropoutMask(1.0, 0, Shape.of(2)));
    assertTrue(e.getMessage().contains("at least 0 and below 1, got 1.0"));
  }
}
