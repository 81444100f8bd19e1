package dev.chainrule.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A float32 training step of a two-layer perceptron, compiled with its weight updates fused into
 * the GEMMs of their gradients, against the same step in float64 from the same float32-rounded
 * weights and data.
 *
 * <p>Tolerance. The float64 step is exact to float32's eye (its own error is 2⁻²⁹ of float32's).
 * Each gradient element of the float32 step is a sum over the batch (32) of products whose factors
 * come from at most four more sums (the inner dimensions 20, 16 and 5 of the three products, and
 * the loss's mean over 160 elements, a factor exactly a power of two away from a float sum) and a
 * dozen elementwise roundings: fewer than 32 + 20 + 16 + 5 + 12 = 85 roundings on any path, each
 * at most u = 2⁻²⁴ relative to the magnitudes of its terms. With the data, weights and residuals
 * in [−1, 1] and tanh's slope at most 1, every term of such a sum is at most the largest gradient
 * element of its tensor times the batch size over the number of terms, so the gradient error is
 * at most 85·u·32 ≈ 1.6e-4 times the largest gradient element, G. The update W − η·g then differs
 * by η times that plus the final rounding of W': |W'₃₂ − W'₆₄| ≤ u·|W'| + η·(1.6e-4·G + u·G),
 * which the test allows (the u·G for η, rounded to float).
 */
class Float32FusedUpdateTest {
  private static final double U = 0x1p-24;
  private static final double LEARNING_RATE = 0.5;

  /** The perceptron x → tanh(x·W1 + b1)·W2 + b2 against y, in a graph of one dtype. */
  private static final class Perceptron {
    final Node x;
    final Node y;
    final List<Node> params;
    final Node loss;
    final Plan step;

    Perceptron(DType dtype, List<Tensor> weights) {
      Graph g = new Graph(dtype);
      x = g.input("x", 32, 20);
      y = g.input("y", 32, 5);
      params = List.of(g.parameter("W1", weights.get(0).to(dtype).copy()),
          g.parameter("b1", weights.get(1).to(dtype).copy()),
          g.parameter("W2", weights.get(2).to(dtype).copy()),
          g.parameter("b2", weights.get(3).to(dtype).copy()));
      Node hidden = x.matmul(params.get(0)).add(params.get(1)).tanh();
      Node out = hidden.matmul(params.get(2)).add(params.get(3));
      loss = out.sub(y).square().mean().named("L");
      List<Node> gradients = Autodiff.gradients(loss, params).list();
      step = Plan.compile(List.of(loss), Accumulations.of(params, gradients),
          ExecOptions.defaults());
    }

    double run(Tensor xs, Tensor ys) {
      DType d = x.dtype();
      return step.run(Feeds.of(x, xs.to(d), y, ys.to(d)), -LEARNING_RATE).scalar(loss);
    }
  }

  @Test
  void aFloat32StepWithFusedUpdatesMatchesTheFloat64Step() {
    Random r = new Random(42);
    List<Tensor> weights = List.of(uniform(r, 0.3, 20, 16), uniform(r, 0.3, 16),
        uniform(r, 0.4, 16, 5), uniform(r, 0.4, 5));
    Tensor xs = uniform(r, 1, 32, 20);
    Tensor ys = uniform(r, 1, 32, 5);
    Perceptron p32 = new Perceptron(DType.FLOAT32, weights);
    Perceptron p64 = new Perceptron(DType.FLOAT64, weights);
    assertTrue(p32.step.toString().contains("2 updates fused into GEMMs")
        && p32.step.toString().endsWith(" floats]"), p32.step.toString());
    List<Node> gradients64 = Autodiff.gradients(p64.loss, p64.params).list();
    Results before = Plan.compile(gradients64).run(Feeds.of(p64.x, xs, p64.y, ys));
    double loss32 = p32.run(xs, ys);
    double loss64 = p64.run(xs, ys);
    assertEquals(loss64, loss32, 1e-6 * loss64, "the loss before the step");
    for (int i = 0; i < weights.size(); i++) {
      Tensor got = p32.params.get(i).storedValue();
      assertEquals(DType.FLOAT32, got.dtype());
      double largestGradient = largestMagnitude(before.get(gradients64.get(i)));
      assertTrue(largestGradient > 1e-3, "the step moves " + p32.params.get(i).name());
      assertWithin(p32.params.get(i).name(), got.to(DType.FLOAT64),
          p64.params.get(i).storedValue(),
          LEARNING_RATE * (85 * 32 * U + U) * largestGradient);
    }
  }

  private static void assertWithin(String name, Tensor got, Tensor expected, double slack) {
    double[] g = got.toArray();
    double[] e = expected.toArray();
    for (int i = 0; i < g.length; i++) {
      double bound = U * Math.abs(e[i]) + slack;
      if (!(Math.abs(g[i] - e[i]) <= bound)) {
        fail(name + " element " + i + " after the step: float32 " + g[i] + ", float64 " + e[i]
            + ", difference " + Math.abs(g[i] - e[i]) + " over the bound " + bound);
      }
    }
  }

  private static double largestMagnitude(Tensor t) {
    double m = 0;
    for (double v : t.toArray()) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  /** Values uniform in [−scale, scale), rounded to float32 so both steps start from them. */
  private static Tensor uniform(Random r, double scale, int... dims) {
    int size = 1;
    for (int d : dims) {
      size *= d;
    }
    float[] v = new float[size];
    for (int i = 0; i < size; i++) {
      v[i] = (float) (scale * (2 * r.nextDouble() - 1));
    }
    return Tensor.ofFloats(v, dims).to(DType.FLOAT64);
  }
}
