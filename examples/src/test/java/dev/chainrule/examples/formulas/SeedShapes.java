package dev.chainrule.examples.formulas;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.examples.seeds.SeedNetwork;
import java.util.List;
import java.util.Random;

/**
 * Seeds 003 and 002 laid out as they write them, named in this library's convention (A[0] the
 * input, W[l], b[l], Z[l], A[l], P the softmax, Y one-hot targets, J the loss), as catalogue
 * entries named testnet-single and testnet-batch.
 */
final class SeedShapes {
  private SeedShapes() {}

  private static Tensor gaussian(Random r, int rows, int cols) {
    double[] v = new double[rows * cols];
    for (int i = 0; i < v.length; i++) {
      v[i] = 0.8 * r.nextGaussian();
    }
    return Tensor.of(v, rows, cols);
  }

  /** Seed 003: one sample (2, 1), 2-3-2, sigmoid, softmax down the column, CE + ½λ‖W‖², λ = 0.1. */
  static SeedNetwork testnetSingle(long seed) {
    Random r = new Random(seed);
    Graph g = new Graph();
    Node w1 = g.parameter("W[1]", gaussian(r, 3, 2));
    Node b1 = g.parameter("b[1]", gaussian(r, 3, 1));
    Node w2 = g.parameter("W[2]", gaussian(r, 2, 3));
    Node b2 = g.parameter("b[2]", gaussian(r, 2, 1));
    Node lambda = g.constant("λ", Tensor.scalar(0.1));
    Node a0 = g.input("A[0]", 2, 1);
    Node y = g.input("Y", 2, 1);
    Node a1 = w1.matmul(a0).add(b1).named("Z[1]").sigmoid().named("A[1]");
    Node p = w2.matmul(a1).add(b2).named("Z[2]").softmax(0).named("P");
    Node decay = w1.square().sum().add(w2.square().sum()).mul(lambda).mul(0.5);
    Node j = y.mul(p.log()).sum().neg().add(decay).named("J");
    Feeds feeds = Feeds.of(a0, gaussian(r, 2, 1), y, Tensor.column(0, 1));
    return new SeedNetwork("testnet-single", g, j, List.of(w1, b1, w2, b2), feeds);
  }

  /** Seed 002: m samples in rows (m, 3), 3-4-2, ReLU, softmax along rows, mean cross-entropy. */
  static SeedNetwork testnetBatch(int m, long seed) {
    Random r = new Random(seed);
    Graph g = new Graph();
    Node w1 = g.parameter("W[1]", gaussian(r, 3, 4));
    Node b1 = g.parameter("b[1]", gaussian(r, 1, 4));
    Node w2 = g.parameter("W[2]", gaussian(r, 4, 2));
    Node b2 = g.parameter("b[2]", gaussian(r, 1, 2));
    Node a0 = g.input("A[0]", m, 3);
    Node y = g.input("Y", m, 2);
    Node a1 = a0.matmul(w1).add(b1).named("Z[1]").relu().named("A[1]");
    Node p = a1.matmul(w2).add(b2).named("Z[2]").softmax(1).named("P");
    Node j = y.mul(p.log()).sum().mul(-1.0 / m).named("J");
    double[] labels = new double[2 * m];
    for (int i = 0; i < m; i++) {
      labels[2 * i + r.nextInt(2)] = 1;
    }
    Feeds feeds = Feeds.of(a0, gaussian(r, m, 3), y, Tensor.of(labels, m, 2));
    return new SeedNetwork("testnet-batch", g, j, List.of(w1, b1, w2, b2), feeds);
  }

  /** Seed 000: m samples in columns (2, m), 2-3-2-1, sigmoid units, mean binary cross-entropy. */
  static SeedNetwork fourEquations(int m, long seed) {
    Random r = new Random(seed);
    Graph g = new Graph();
    int[][] sizes = {{3, 2}, {2, 3}, {1, 2}};
    Node a0 = g.input("A[0]", 2, m);
    Node a = a0;
    List<Node> params = new java.util.ArrayList<>();
    for (int l = 1; l <= 3; l++) {
      Node w = g.parameter("W[" + l + "]", gaussian(r, sizes[l - 1][0], sizes[l - 1][1]));
      Node b = g.parameter("b[" + l + "]", gaussian(r, sizes[l - 1][0], 1));
      params.add(w);
      params.add(b);
      a = w.matmul(a).add(b).named("Z[" + l + "]").sigmoid().named("A[" + l + "]");
    }
    Node y = g.input("Y", 1, m);
    Node c = y.mul(a.log()).add(y.rsub(1).mul(a.rsub(1).log())).mean().neg().named("C");
    double[] labels = new double[m];
    for (int i = 0; i < m; i++) {
      labels[i] = i % 2;
    }
    Feeds feeds = Feeds.of(a0, gaussian(r, 2, m), y, Tensor.of(labels, 1, m));
    return new SeedNetwork("bp4", g, c, params, feeds);
  }
}
