package dev.chainrule.core.exec;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ops.Identity;
import dev.chainrule.core.tensor.Samples;
import dev.chainrule.core.tensor.Shape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A random graph for checking compiled plans against the unoptimised path: leaves drawn from one
 * family of shapes (tiny, a few chunks of a fused loop, or long enough to be split across
 * threads), then steps applying random operations of the whole catalogue to earlier nodes, with
 * explicit transposes in front of matrix products so that folding has work to do. Steps whose
 * operands do not fit are skipped. Targets are the loss and a random subset of other nodes.
 */
final class RandomPlanGraph {
  /** Shape families: leaves of one graph are drawn from one family so that many pairs fit. */
  static final int[][][] FAMILIES = {
      {{}, {3}, {2, 1}, {2, 3}, {1, 3}, {3, 2}},
      {{}, {1}, {37, 1}, {1, 29}, {29}, {37, 29}, {29, 37}},
      {{}, {300, 1}, {1, 700}, {300, 700}, {700}}};
  static final String[] OPS = {"add", "sub", "mul", "div", "neg", "pow", "exp", "log", "sqrt",
      "abs", "square", "sigmoid", "tanh", "relu", "leakyRelu", "matmul", "transposedMatmul",
      "transpose", "reshape", "broadcastTo", "reduce", "softmax", "where", "compare", "identity"};

  final Graph graph = new Graph();
  final List<Node> params = new ArrayList<>();
  final List<Node> nodes = new ArrayList<>();
  final Node loss;
  final List<Node> targets = new ArrayList<>();

  RandomPlanGraph(int family, int leaves, int[][] steps, long seed) {
    Random random = new Random(seed);
    int[][] shapes = FAMILIES[family];
    for (int i = 0; i < leaves; i++) {
      int[] dims = shapes[random.nextInt(shapes.length)];
      Node p = graph.parameter("p" + i, Samples.uniform(random, -1.5, 1.5, dims));
      params.add(p);
      nodes.add(p);
    }
    Set<Node> consumed = new HashSet<>();
    for (int[] s : steps) {
      Node a = nodes.get(s[1] % nodes.size());
      Node b = nodes.get(s[2] % nodes.size());
      Node out = apply(OPS[s[0] % OPS.length], a, b, s[3]);
      if (out != null) {
        consumed.add(a);
        consumed.add(b);
        nodes.add(out);
      }
    }
    Node total = null;
    for (Node n : nodes) {
      if (!consumed.contains(n) || n == nodes.get(nodes.size() - 1)) {
        Node r = graph.constant("R" + n.id(), Samples.uniform(random, -1, 1, n.shape().dims()));
        Node term = n.mul(r).sum();
        total = total == null ? term : total.add(term);
      }
    }
    loss = total.named("L");
    targets.add(loss);
    for (Node n : nodes) {
      if (random.nextInt(4) == 0) {
        targets.add(n);
      }
    }
  }

  private static Node positive(Node x) {
    return x.square().add(0.5);
  }

  private static boolean fit(Node a, Node b) {
    return Shape.broadcastOrNull(a.shape(), b.shape()) != null;
  }

  private Node apply(String op, Node a, Node b, int k) {
    switch (op) {
      case "add": return fit(a, b) ? a.add(b) : null;
      case "sub": return fit(a, b) ? a.sub(b) : null;
      case "mul": return fit(a, b) ? a.mul(b) : null;
      case "div": return fit(a, b) ? a.div(positive(b)) : null;
      case "neg": return a.neg();
      case "pow": return k % 2 == 0 ? a.pow(3) : positive(a).pow(-1.5);
      case "exp": return a.tanh().exp();
      case "log": return positive(a).log();
      case "sqrt": return positive(a).sqrt();
      case "abs": return a.abs();
      case "square": return a.square();
      case "sigmoid": return a.sigmoid();
      case "tanh": return a.tanh();
      case "relu": return a.relu();
      case "leakyRelu": return a.leakyRelu(0.1);
      case "matmul": return matmul(a, b, k, false);
      case "transposedMatmul": return matmul(a, b, k, true);
      case "transpose": return a.shape().rank() == 2 ? a.T() : null;
      case "reshape": return a.reshape(a.shape().size());
      case "broadcastTo": return broadcastTo(a, k);
      case "reduce": return reduce(a, k);
      case "softmax": return a.shape().rank() == 0 ? null
          : k % 2 == 0 ? a.softmax(k % a.shape().rank()) : a.logSoftmax(-1);
      case "where": return fit(a, b) ? compare(a, b, k).where(a, b) : null;
      case "compare": return fit(a, b) ? a.mul(compare(a, b, k)) : null;
      default: return graph.apply(Identity.INSTANCE, a);
    }
  }

  private static Node compare(Node a, Node b, int k) {
    switch (k % 5) {
      case 0: return a.gt(b);
      case 1: return a.ge(b);
      case 2: return a.lt(b);
      case 3: return a.le(b);
      default: return a.eq(b);
    }
  }

  /** A product op(a)·op(b), the transposes written as explicit nodes when {@code explicit}. */
  private static Node matmul(Node a, Node b, int k, boolean explicit) {
    if (a.shape().rank() != 2 || b.shape().rank() != 2 || a.shape().size() > 30_000) {
      return null;
    }
    for (int i = 0; i < 4; i++) {
      boolean ta = ((k + i) & 1) != 0;
      boolean tb = ((k + i) & 2) != 0;
      int inner = ta ? a.shape().dim(0) : a.shape().dim(1);
      int other = tb ? b.shape().dim(1) : b.shape().dim(0);
      if (inner == other) {
        return explicit ? (ta ? a.T() : a).matmul(tb ? b.T() : b) : a.matmul(ta, b, tb);
      }
    }
    return null;
  }

  private static Node broadcastTo(Node a, int k) {
    int[] dims = a.shape().dims();
    int[] target = new int[dims.length + 1];
    target[0] = 2 + k % 2;
    for (int i = 0; i < dims.length; i++) {
      target[i + 1] = dims[i] == 1 ? 3 : dims[i];
    }
    return a.shape().size() > 100_000 ? null : a.broadcastTo(Shape.of(target));
  }

  private static Node reduce(Node a, int k) {
    int rank = a.shape().rank();
    List<Integer> axes = new ArrayList<>();
    for (int i = 0; i < rank; i++) {
      if ((k >> i & 1) != 0) {
        axes.add(i);
      }
    }
    int[] ax = axes.stream().mapToInt(Integer::intValue).toArray();
    boolean keep = (k >> 3 & 1) != 0;
    switch (k / 16 % 3) {
      case 0: return keep ? a.sumKeepDims(ax) : a.sum(ax);
      case 1: return keep ? a.meanKeepDims(ax) : a.mean(ax);
      default: return keep ? a.maxKeepDims(ax) : a.max(ax);
    }
  }
}
