package dev.chainrule.examples.formulas;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.examples.seeds.SeedNetwork;
import java.util.List;
import java.util.Random;

/**
 * A seed-004 network built the way the seed writes it, as a catalogue entry named "shallow":
 * column layout, X (3, m) fed (not held), 3-4-1, tanh or ReLU hidden, sigmoid output, mean binary
 * cross-entropy, weights ×0.5 random and biases small.
 */
final class Shallow341 {
  private Shallow341() {}

  static SeedNetwork build(int m, boolean relu, long seed) {
    Random r = new Random(seed);
    Graph g = new Graph();
    Node w1 = g.parameter("W[1]", gaussian(r, 0.5, 4, 3));
    Node b1 = g.parameter("b[1]", gaussian(r, 0.1, 4, 1));
    Node w2 = g.parameter("W[2]", gaussian(r, 0.5, 1, 4));
    Node b2 = g.parameter("b[2]", gaussian(r, 0.1, 1, 1));
    Node x = g.input("X", 3, m);
    Node y = g.input("Y", 1, m);
    Node z1 = w1.matmul(x).add(b1).named("Z[1]");
    Node a1 = (relu ? z1.relu() : z1.tanh()).named("A[1]");
    Node z2 = w2.matmul(a1).add(b2).named("Z[2]");
    Node a2 = z2.sigmoid().named("A[2]");
    Node j = y.mul(a2.log()).add(y.rsub(1).mul(a2.rsub(1).log())).mean().neg().named("J");
    double[] labels = new double[m];
    for (int i = 0; i < m; i++) {
      labels[i] = i % 3 == 0 ? 0 : 1;
    }
    Feeds feeds = Feeds.of(x, gaussian(r, 1, 3, m), y, Tensor.of(labels, 1, m));
    return new SeedNetwork("shallow", g, j, List.of(w1, b1, w2, b2), feeds);
  }

  private static Tensor gaussian(Random r, double scale, int... dims) {
    double[] v = new double[dims[0] * dims[1]];
    for (int i = 0; i < v.length; i++) {
      v[i] = scale * r.nextGaussian();
    }
    return Tensor.of(v, dims);
  }
}
