package dev.chainrule.core.autodiff;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ops.Identity;
import dev.chainrule.core.tensor.Naive;
import dev.chainrule.core.tensor.Samples;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.testing.GraphListing;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A random DAG over the whole op set, built from a list of {@link Step}s that pick an operation
 * and operands among the nodes built so far. Steps whose operands do not fit the op are skipped,
 * so any list of steps builds a valid graph and shrinking a failing list stays meaningful. Inputs
 * of log, sqrt, fractional powers and denominators go through x² + 0.5 to stay in the domain.
 */
final class RandomGraph {
  /** The leaf shapes a graph starts from; chosen so that many pairs broadcast. */
  static final int[][] LEAF_SHAPES = {{}, {3}, {2, 1}, {2, 3}, {1, 3}, {3, 2}};
  /** The operations a step can apply, in the order {@link Step#op()} indexes them. */
  static final String[] OPS = {"add", "sub", "mul", "div", "neg", "pow", "exp", "log", "sqrt",
      "abs", "square", "sigmoid", "tanh", "relu", "leakyRelu", "matmul", "transpose", "reshape",
      "broadcastTo", "reduce", "softmax", "where", "compare", "identity"};

  /**
   * One building step: apply {@code OPS[op]} to the nodes {@code a} and {@code b} (indices into
   * the nodes built so far, modulo their number), with {@code k} (0..95) choosing the op's attributes.
   */
  record Step(int op, int a, int b, int k) {
    @Override
    public String toString() {
      return OPS[op % OPS.length] + "(" + a + "," + b + ";" + k + ")";
    }
  }

  final Graph graph = new Graph();
  final List<Node> params = new ArrayList<>();
  final Node loss;
  private final List<Node> pool = new ArrayList<>();
  private final Set<Node> consumed = new HashSet<>();
  private final Random random;

  RandomGraph(List<Integer> leaves, List<Step> steps, long seed) {
    random = new Random(seed);
    for (int i = 0; i < leaves.size(); i++) {
      int[] dims = LEAF_SHAPES[leaves.get(i) % LEAF_SHAPES.length];
      Node p = graph.parameter("p" + i, Samples.uniform(random, -1.5, 1.5, dims));
      params.add(p);
      pool.add(p);
    }
    for (Step s : steps) {
      Node a = pool.get(s.a() % pool.size());
      Node b = pool.get(s.b() % pool.size());
      Node out = apply(s, a, b);
      if (out != null) {
        consumed.add(a);
        consumed.add(b);
        pool.add(out);
      }
    }
    Node total = null;
    for (Node n : pool) {
      if (!consumed.contains(n) || n == pool.get(pool.size() - 1)) {
        Node r = graph.constant("R" + n.id(), Samples.uniform(random, -1, 1, n.shape().dims()));
        Node term = n.mul(r).sum();
        total = total == null ? term : total.add(term);
      }
    }
    loss = total.named("L");
  }

  /** Returns x² + 0.5, positive and smooth: the domain guard for log, sqrt, powers, quotients. */
  private static Node positive(Node x) {
    return x.square().add(0.5);
  }

  private static boolean broadcast(Node a, Node b) {
    return Shape.broadcastOrNull(a.shape(), b.shape()) != null;
  }

  private Node apply(Step s, Node a, Node b) {
    int k = s.k();
    int rank = a.shape().rank();
    switch (OPS[s.op() % OPS.length]) {
      case "add": return broadcast(a, b) ? a.add(b) : null;
      case "sub": return broadcast(a, b) ? a.sub(b) : null;
      case "mul": return broadcast(a, b) ? a.mul(b) : null;
      case "div": return broadcast(a, b) ? a.div(positive(b)) : null;
      case "neg": return a.neg();
      case "pow": {
        double[] exponents = {2, 3, 0.5, -1.5};
        double p = exponents[k % 4];
        return p >= 2 ? a.pow(p) : positive(a).pow(p);
      }
      case "exp": return a.exp();
      case "log": return positive(a).log();
      case "sqrt": return positive(a).sqrt();
      case "abs": return a.abs();
      case "square": return a.square();
      case "sigmoid": return a.sigmoid();
      case "tanh": return a.tanh();
      case "relu": return a.relu();
      case "leakyRelu": return a.leakyRelu(0.1);
      case "matmul": return matmul(a, b, k);
      case "transpose": return transpose(a, k);
      case "reshape": return reshape(a, k);
      case "broadcastTo": return broadcastTo(a, k);
      case "reduce": return reduce(a, b, k);
      case "softmax": return rank == 0 ? null
          : k % 2 == 0 ? a.softmax(k % rank) : a.logSoftmax(-1 - (k / 2) % rank);
      case "where": {
        if (!broadcast(a, b)) {
          return null;
        }
        return compare(a, b, k).where(a, b);
      }
      case "compare": return broadcast(a, b) ? a.mul(compare(a, b, k)) : null;
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

  private static Node matmul(Node a, Node b, int k) {
    if (a.shape().rank() != 2 || b.shape().rank() != 2) {
      return null;
    }
    for (int i = 0; i < 4; i++) {
      int flags = (k + i) % 4;
      boolean ta = (flags & 1) != 0;
      boolean tb = (flags & 2) != 0;
      int inner = ta ? a.shape().dim(0) : a.shape().dim(1);
      int other = tb ? b.shape().dim(1) : b.shape().dim(0);
      if (inner == other) {
        return a.matmul(ta, b, tb);
      }
    }
    return null;
  }

  private static Node transpose(Node a, int k) {
    int rank = a.shape().rank();
    if (rank < 2) {
      return a.T();
    }
    List<int[]> perms = new ArrayList<>();
    permutations(new int[rank], new boolean[rank], 0, perms);
    return a.transpose(perms.get(k % perms.size()));
  }

  private static void permutations(int[] p, boolean[] used, int at, List<int[]> out) {
    if (at == p.length) {
      out.add(p.clone());
      return;
    }
    for (int v = 0; v < p.length; v++) {
      if (!used[v]) {
        used[v] = true;
        p[at] = v;
        permutations(p, used, at + 1, out);
        used[v] = false;
      }
    }
  }

  private static Node reshape(Node a, int k) {
    int n = a.shape().size();
    int[][] choices = {{n}, {1, n}, {n, 1}, {}};
    int[] target = choices[k % (n == 1 ? 4 : 3)];
    return a.reshape(target);
  }

  private static Node broadcastTo(Node a, int k) {
    int[] dims = a.shape().dims();
    int lead = k % 2 == 0 ? 1 : 0;
    int[] target = new int[dims.length + lead];
    if (lead == 1) {
      target[0] = 2;
    }
    for (int i = 0; i < dims.length; i++) {
      target[i + lead] = dims[i] == 1 ? 2 + k % 2 : dims[i];
    }
    return a.broadcastTo(Shape.of(target));
  }

  private static Node reduce(Node a, Node b, int k) {
    int rank = a.shape().rank();
    List<Integer> axes = new ArrayList<>();
    for (int i = 0; i < rank; i++) {
      if ((k >> i & 1) != 0) {
        axes.add(i);
      }
    }
    int[] ax = axes.stream().mapToInt(Integer::intValue).toArray();
    boolean keep = (k >> 3 & 1) != 0;
    switch (k / 32 % 3) {
      case 0: return keep ? a.sumKeepDims(ax) : a.sum(ax);
      case 1: return keep ? a.meanKeepDims(ax) : a.mean(ax);
      default: return keep ? a.maxKeepDims(ax) : a.max(ax);
    }
  }

  /** Returns the node list with ops and shapes, for failure messages. */
  String listing() {
    return GraphListing.of(graph, false);
  }

  /** Returns the largest |value| over every forward node, for scaling tolerances. */
  static double largest(List<Tensor> values) {
    double m = 0;
    for (Tensor t : values) {
      m = Math.max(m, Naive.unary(t, Math::abs).max().item());
    }
    return m;
  }
}
