package dev.chainrule.examples.bench;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.Random;

/**
 * The graph of W2 and W3: a 784-256-10 MLP with ReLU and softmax cross-entropy averaged over the
 * batch, written with core operations (Z1 = X·W1 + b1, A1 = relu(Z1), Z2 = A1·W2 + b2, L =
 * −mean(Σ Y ∘ logsoftmax(Z2))), its weights uniform in ±1/√fan-in as PyTorch's layers start. In
 * float32 the weights and batches are the float64 draws rounded to float, so that the two dtypes
 * train the same network on the same data.
 *
 * @param x the input X, batch × 784
 * @param y the one-hot labels Y, batch × 10
 * @param loss the loss L
 * @param parameters W1, b1, W2, b2, in that order
 */
record MlpNetwork(Node x, Node y, Node loss, List<Node> parameters) {
  /** The number of weights and biases: 784·256 + 256 + 256·10 + 10. */
  static final int PARAMETERS = 784 * 256 + 256 + 256 * 10 + 10;

  /**
   * Builds the network in {@code dtype} for batches of {@code batch} rows, drawing from {@code r}.
   */
  static MlpNetwork build(int batch, DType dtype, Random r) {
    Graph g = new Graph(dtype);
    Node x = g.input("X", batch, 784);
    Node y = g.input("Y", batch, 10);
    Node w1 = g.parameter("W1", uniform(r, 1 / Math.sqrt(784), 784, 256).to(dtype));
    Node b1 = g.parameter("b1", uniform(r, 1 / Math.sqrt(784), 256).to(dtype));
    Node w2 = g.parameter("W2", uniform(r, 1 / Math.sqrt(256), 256, 10).to(dtype));
    Node b2 = g.parameter("b2", uniform(r, 1 / Math.sqrt(256), 10).to(dtype));
    Node a1 = x.matmul(w1).add(b1).relu().named("A1");
    Node z2 = a1.matmul(w2).add(b2).named("Z2");
    Node loss = y.mul(z2.logSoftmax(1)).sum(1).mean().neg().named("L");
    return new MlpNetwork(x, y, loss, List.of(w1, b1, w2, b2));
  }

  /** Returns the feeds of a random batch: pixels uniform in [0, 1), one random class per row. */
  Feeds randomBatch(Random r) {
    int batch = x.shape().dim(0);
    DType dtype = x.dtype();
    Tensor xs = Tensor.zeros(batch, 784);
    double[] d = xs.buffer();
    for (int i = 0; i < d.length; i++) {
      d[i] = r.nextDouble();
    }
    Tensor ys = Tensor.zeros(batch, 10);
    for (int i = 0; i < batch; i++) {
      ys.buffer()[i * 10 + r.nextInt(10)] = 1;
    }
    return Feeds.of(x, xs.to(dtype), y, ys.to(dtype));
  }

  private static Tensor uniform(Random r, double bound, int... dims) {
    Tensor t = Tensor.zeros(dims);
    double[] d = t.buffer();
    for (int i = 0; i < d.length; i++) {
      d[i] = (2 * r.nextDouble() - 1) * bound;
    }
    return t;
  }
}
