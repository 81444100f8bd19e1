package dev.chainrule.core.graph.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Samples;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.Window2d;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A small convolutional network, conv (4 filters 3×3, padding 1) + bias → relu → 2×2 max pooling
 * → dense (144 → 10) + bias → softmax cross-entropy, built once in a float32 graph and once in a
 * float64 one on the same float32-rounded numbers: the float32 loss and the gradient of every
 * parameter against the float64 twin's.
 *
 * <p>Tolerance: each reduction of length k adds at most γ_k ≈ k·u (u = 2⁻²⁴) relative to the sum
 * of its terms' magnitudes ({@link RoundingBound}); the longest here is the convolution kernel's
 * gradient, summed over the batch's 4·12·12 = 576 positions, and the backward pass chains about
 * six such stages (softmax, dense, pooling's scatter, relu, convolution, bias sums), each passing
 * on at most its own error times a factor of order 1 on these O(1) values. So every gradient is
 * held to 6·γ_576 ≈ 2·10⁻⁴ of its largest magnitude (the value a sum of terms' magnitudes
 * compares with). A seed is fixed whose pre-activations and window maxima are not within float32
 * rounding of a tie, so both twins route the gradient alike.
 */
class Float32CnnTest {
  private static final int BATCH = 4;
  private static final int CLASSES = 10;

  /** The network in one dtype, with its parameters in order W1, b1, W2, b2. */
  private static final class Net {
    final List<Node> params = new ArrayList<>();
    final Node loss;

    Net(DType dtype, List<Tensor> values, Tensor images, Tensor labels) {
      Graph g = new Graph(dtype);
      for (int i = 0; i < values.size(); i++) {
        params.add(g.parameter("p" + i, values.get(i).to(dtype)));
      }
      Node x = g.constant("X", images.to(dtype));
      Node pooled = x.conv2d(params.get(0), Window2d.of(1, 1, 1), 1).add(params.get(1)).relu()
          .maxPool2d(2);
      Node flat = pooled.reshape(BATCH, 1, 4 * 6 * 6);
      Node logits = flat.mul(params.get(2).reshape(1, CLASSES, 4 * 6 * 6)).sum(2)
          .add(params.get(3));
      Node y = g.constant("Y", labels.to(dtype));
      loss = logits.logSoftmax(1).mul(y).sum().neg().mul(1.0 / BATCH);
    }
  }

  @Test
  void float32GradientsOfASmallCnnMatchItsFloat64Twin() {
    Random r = new Random(2026);
    List<Tensor> values = List.of(rounded(r, 4, 1, 3, 3), rounded(r, 1, 4, 1, 1),
        rounded(r, CLASSES, 4 * 6 * 6).mul(0.25), rounded(r, 1, CLASSES));
    Tensor images = rounded(r, BATCH, 1, 12, 12);
    double[] onehot = new double[BATCH * CLASSES];
    for (int s = 0; s < BATCH; s++) {
      onehot[s * CLASSES + r.nextInt(CLASSES)] = 1;
    }
    Tensor labels = Tensor.of(onehot, BATCH, CLASSES);
    Net n32 = new Net(DType.FLOAT32, values, images, labels);
    Net n64 = new Net(DType.FLOAT64, values, images, labels);
    List<Node> g32 = Autodiff.grad(n32.loss, n32.params.toArray(new Node[0]));
    List<Node> g64 = Autodiff.grad(n64.loss, n64.params.toArray(new Node[0]));
    List<Node> t32 = new ArrayList<>(g32);
    t32.add(n32.loss);
    List<Node> t64 = new ArrayList<>(g64);
    t64.add(n64.loss);
    Results r32 = Plan.compile(t32).run(Feeds.none());
    Results r64 = Plan.compile(t64).run(Feeds.none());
    double tolerance = 6 * RoundingBound.gamma(BATCH * 12 * 12);
    assertEquals(r64.scalar(n64.loss), r32.scalar(n32.loss),
        tolerance * Math.abs(r64.scalar(n64.loss)), "the loss");
    String[] names = {"W1", "b1", "W2", "b2"};
    for (int i = 0; i < g32.size(); i++) {
      Tensor got = r32.get(g32.get(i));
      assertEquals(DType.FLOAT32, got.dtype(), names[i] + "'s gradient is float32");
      Tensor expected = r64.get(g64.get(i));
      double scale = expected.maxAbsDifference(Tensor.zeros(expected.shape()));
      double d = got.to(DType.FLOAT64).maxAbsDifference(expected);
      String name = names[i];
      assertTrue(d <= tolerance * scale, () -> "gradient of " + name + ": float32 differs from "
          + "float64 by " + d + ", more than " + tolerance + " of its largest magnitude " + scale);
    }
  }

  private static Tensor rounded(Random r, int... dims) {
    return Samples.uniform(r, -1, 1, dims).to(DType.FLOAT32).to(DType.FLOAT64);
  }
}
