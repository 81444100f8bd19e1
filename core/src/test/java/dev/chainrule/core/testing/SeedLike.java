package dev.chainrule.core.testing;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Networks laid out as the seeds lay them out, named in their notation (W[1], b[1], Z[1], A[1], …,
 * with X or A[0] the input, Y the targets, P a softmax output and J the loss), with seeded random
 * values: the fixtures of the formula, rewrite and comparison tests.
 */
public final class SeedLike {
  private SeedLike() {}

  /**
   * A built network.
   *
   * @param graph the graph
   * @param loss the scalar loss J
   * @param parameters the parameters in layer order: W[1], b[1], W[2], b[2], …
   * @param nodes every named node by name
   * @param m the batch size
   */
  public record Net(Graph graph, Node loss, List<Node> parameters, Map<String, Node> nodes,
      int m) {
    /** Returns the node named {@code name}. */
    public Node node(String name) {
      Node n = nodes.get(name);
      if (n == null) {
        throw new IllegalArgumentException("no node named " + name + " in " + nodes.keySet());
      }
      return n;
    }
  }

  private static final class Builder {
    final Graph graph = new Graph();
    final Random random;
    final Map<String, Node> nodes = new LinkedHashMap<>();

    Builder(long seed) {
      random = new Random(seed);
    }

    Tensor gaussian(double scale, int... dims) {
      int n = 1;
      for (int d : dims) {
        n *= d;
      }
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = scale * random.nextGaussian();
      }
      return Tensor.of(v, dims);
    }

    Node param(String name, int... dims) {
      return put(graph.parameter(name, gaussian(0.8, dims)));
    }

    Node put(Node n) {
      nodes.put(n.name(), n);
      return n;
    }

    /** One-hot rows (axis 1) or columns (axis 0) with the class drawn at random. */
    Tensor oneHot(int samples, int classes, boolean columns) {
      double[] v = new double[samples * classes];
      for (int i = 0; i < samples; i++) {
        int k = random.nextInt(classes);
        v[columns ? k * samples + i : i * classes + k] = 1;
      }
      return columns ? Tensor.of(v, classes, samples) : Tensor.of(v, samples, classes);
    }

    Net net(Node loss, int m, String... params) {
      put(loss);
      return new Net(graph, loss, java.util.Arrays.stream(params).map(nodes::get).toList(),
          nodes, m);
    }
  }

  /**
   * Seed 004: column layout, X (3, m), 3-4-1, tanh hidden, sigmoid output, mean binary
   * cross-entropy J = −mean(Y∘log A[2] + (1 − Y)∘log(1 − A[2])).
   */
  public static Net shallow(int m, long seed) {
    Builder b = new Builder(seed);
    Node w1 = b.param("W[1]", 4, 3);
    Node b1 = b.param("b[1]", 4, 1);
    Node w2 = b.param("W[2]", 1, 4);
    Node b2 = b.param("b[2]", 1, 1);
    Node x = b.put(b.graph.input("X", b.gaussian(1, 3, m)));
    double[] labels = new double[m];
    for (int i = 0; i < m; i++) {
      labels[i] = b.random.nextBoolean() ? 1 : 0;
    }
    Node y = b.put(b.graph.input("Y", Tensor.of(labels, 1, m)));
    Node z1 = b.put(w1.matmul(x).add(b1).named("Z[1]"));
    Node a1 = b.put(z1.tanh().named("A[1]"));
    Node z2 = b.put(w2.matmul(a1).add(b2).named("Z[2]"));
    Node a2 = b.put(z2.sigmoid().named("A[2]"));
    Node j = y.mul(a2.log()).add(y.rsub(1).mul(a2.rsub(1).log())).mean().neg().named("J");
    return b.net(j, m, "W[1]", "b[1]", "W[2]", "b[2]");
  }

  /**
   * Seed 002: row layout, A[0] (m, 3), 3-4-2, ReLU hidden, softmax output P along axis 1, and
   * J = −(1/m)·Σ Y∘log P with one-hot rows Y.
   */
  public static Net testnetBatch(int m, long seed) {
    Builder b = new Builder(seed);
    Node w1 = b.param("W[1]", 3, 4);
    Node b1 = b.param("b[1]", 1, 4);
    Node w2 = b.param("W[2]", 4, 2);
    Node b2 = b.param("b[2]", 1, 2);
    Node a0 = b.put(b.graph.input("A[0]", b.gaussian(1, m, 3)));
    Node y = b.put(b.graph.input("Y", b.oneHot(m, 2, false)));
    Node z1 = b.put(a0.matmul(w1).add(b1).named("Z[1]"));
    Node a1 = b.put(z1.relu().named("A[1]"));
    Node z2 = b.put(a1.matmul(w2).add(b2).named("Z[2]"));
    Node p = b.put(z2.softmax(1).named("P"));
    Node j = y.mul(p.log()).sum().mul(-1.0 / m).named("J");
    return b.net(j, m, "W[1]", "b[1]", "W[2]", "b[2]");
  }

  /**
   * Seed 003: column layout, one sample A[0] (2, 1), 2-3-2, sigmoid hidden, softmax output P along
   * axis 0, J = −Σ Y∘log P + (λ/2)·(Σ W[1]² + Σ W[2]²) with λ = 0.1.
   */
  public static Net testnetSingle(long seed) {
    Builder b = new Builder(seed);
    Node w1 = b.param("W[1]", 3, 2);
    Node b1 = b.param("b[1]", 3, 1);
    Node w2 = b.param("W[2]", 2, 3);
    Node b2 = b.param("b[2]", 2, 1);
    Node a0 = b.put(b.graph.input("A[0]", b.gaussian(1, 2, 1)));
    Node y = b.put(b.graph.input("Y", b.oneHot(1, 2, true)));
    Node z1 = b.put(w1.matmul(a0).add(b1).named("Z[1]"));
    Node a1 = b.put(z1.sigmoid().named("A[1]"));
    Node z2 = b.put(w2.matmul(a1).add(b2).named("Z[2]"));
    Node p = b.put(z2.softmax(0).named("P"));
    Node ce = y.mul(p.log()).sum().neg();
    Node lambda = b.graph.constant("λ", Tensor.scalar(0.1));
    Node l2 = w1.square().sum().add(w2.square().sum()).mul(0.5).mul(lambda);
    return b.net(ce.add(l2).named("J"), 1, "W[1]", "b[1]", "W[2]", "b[2]");
  }

  /**
   * Seed 000: column layout, one sample A[0] (2, 1), 2-3-2-1, sigmoid everywhere, and the binary
   * cross-entropy L = −Σ(Y∘log A[3] + (1 − Y)∘log(1 − A[3])).
   */
  public static Net fourEquations(long seed) {
    Builder b = new Builder(seed);
    int[][] sizes = {{3, 2}, {2, 3}, {1, 2}};
    Node a = b.put(b.graph.input("A[0]", b.gaussian(1, 2, 1)));
    for (int l = 1; l <= 3; l++) {
      Node w = b.param("W[" + l + "]", sizes[l - 1]);
      Node bias = b.param("b[" + l + "]", sizes[l - 1][0], 1);
      Node z = b.put(w.matmul(a).add(bias).named("Z[" + l + "]"));
      a = b.put(z.sigmoid().named("A[" + l + "]"));
    }
    Node y = b.put(b.graph.input("Y", Tensor.of(new double[] {1}, 1, 1)));
    Node loss = y.mul(a.log()).add(y.rsub(1).mul(a.rsub(1).log())).sum().neg().named("L");
    return b.net(loss, 1, "W[1]", "b[1]", "W[2]", "b[2]", "W[3]", "b[3]");
  }
}
