package dev.chainrule.examples.seeds;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.Random;

/**
 * One convolution layer, the example of docs/convolution.md: m = 2 images X of 2 channels, 5×5
 * pixels (NCHW, samples first); 3 filters W of 2 × 3×3 and biases b (3, 1, 1); Z = W ⋆ X + b
 * (stride 1, no padding, so Z is (2, 3, 3, 3)); A = tanh(Z); the mean squared error
 * J = (1/2m)·Σ(A − Y)² against targets Y of A's shape, m a named constant of the graph (so that
 * formulas write the 1/m of dA = (A − Y)/m as 1/m, not as the ½ its value 2 folds into). Values
 * are drawn from a fixed seed. X is a parameter too, so that its gradient dX can be compared.
 */
public final class ConvNetwork {
  /** The seed of the values. */
  public static final long SEED = 14;
  /** The number of images m. */
  public static final int SAMPLES = 2;

  private ConvNetwork() {}

  /** Builds the network as the catalogue's example {@code conv}. */
  public static SeedNetwork build() {
    Random r = new Random(SEED);
    Graph g = new Graph();
    Node x = g.parameter("X", RandomTensors.normal(r, 1.0, SAMPLES, 2, 5, 5));
    Node w = g.parameter("W", RandomTensors.normal(r, 0.3, 3, 2, 3, 3));
    Node b = g.parameter("b", RandomTensors.normal(r, 0.1, 3, 1, 1));
    Node y = g.input("Y", Tensor.zeros(SAMPLES, 3, 3, 3).map(v -> r.nextDouble() * 2 - 1));
    Node z = x.conv2d(w).add(b).named("Z");
    Node a = z.tanh().named("A");
    Node m = g.constant("m", Tensor.scalar(SAMPLES));
    Node j = a.sub(y).square().sum().div(g.scalar(2.0).mul(m)).named("J");
    return new SeedNetwork("conv", g, j, List.of(w, b, x), Feeds.none());
  }
}
