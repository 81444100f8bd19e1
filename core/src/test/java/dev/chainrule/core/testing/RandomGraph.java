package dev.chainrule.core.testing;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ops.Abs;
import dev.chainrule.core.graph.ops.Compare;
import dev.chainrule.core.graph.ops.Identity;
import dev.chainrule.core.graph.ops.LeakyRelu;
import dev.chainrule.core.graph.ops.Max;
import dev.chainrule.core.graph.ops.Relu;
import dev.chainrule.core.tensor.Naive;
import dev.chainrule.core.tensor.Samples;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Assume;

/**
 * A random DAG over the whole op set, built from a list of {@link Step}s that pick an operation
 * and operands among the nodes built so far. Steps whose operands do not fit the op are skipped,
 * so any list of steps builds a valid graph and shrinking a failing list stays meaningful. Inputs
 * of log, sqrt, fractional powers and denominators go through x² + 0.5 to stay in the domain.
 *
 * <p>Three steps write the losses the rewriter fuses, as a user would: binary cross-entropy of a
 * sigmoid, y∘log σ(z) + (1 − y)∘log(1 − σ(z)) (with z = 4·tanh(a), so that the unfused form the
 * fused one is compared with does not lose its accuracy to 1 − σ(z) cancelling), cross-entropy
 * y∘log softmax(a) reduced over the class axis, and log(softmax(a)) alone. Their targets y are
 * new parameters in [0.1, 0.9].
 */
public final class RandomGraph {
  /** The leaf shapes a graph starts from; chosen so that many pairs broadcast. */
  public static final int[][] LEAF_SHAPES = {{}, {3}, {2, 1}, {2, 3}, {1, 3}, {3, 2}};
  /** The operations a step can apply, in the order {@link Step#op()} indexes them. */
  public static final String[] OPS = {"add", "sub", "mul", "div", "neg", "pow", "exp", "log",
      "sqrt", "abs", "square", "sigmoid", "tanh", "relu", "leakyRelu", "matmul", "transpose",
      "reshape", "broadcastTo", "reduce", "softmax", "where", "compare", "identity",
      "binaryCrossEntropy", "softmaxCrossEntropy", "logOfSoftmax"};
  /** Discards a graph when a kink (of abs, relu, a comparison, a maximum) is this close. */
  private static final double MARGIN = 1e-2;

  /**
   * One building step: apply {@code OPS[op]} to the nodes {@code a} and {@code b} (indices into
   * the nodes built so far, modulo their number), with {@code k} (0..95) choosing the op's attributes.
   *
   * @param op the index of the operation in {@link #OPS}
   * @param a the first operand's index
   * @param b the second operand's index
   * @param k the attribute choice
   */
  public record Step(int op, int a, int b, int k) {
    @Override
    public String toString() {
      return OPS[op % OPS.length] + "(" + a + "," + b + ";" + k + ")";
    }
  }

  /** The graph built. */
  public final Graph graph = new Graph();
  /** Its parameters: the leaves, then the targets the loss steps added. */
  public final List<Node> params = new ArrayList<>();
  /** The scalar loss: a random weighting of every unconsumed node (and the last one), summed. */
  public final Node loss;
  private final List<Node> pool = new ArrayList<>();
  private final Set<Node> consumed = new HashSet<>();
  private final Random random;

  /** Builds the graph of {@code leaves} (indices into {@link #LEAF_SHAPES}) and {@code steps}. */
  public RandomGraph(List<Integer> leaves, List<Step> steps, long seed) {
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
      case "binaryCrossEntropy": return binaryCrossEntropy(a, k);
      case "softmaxCrossEntropy": return rank == 0 ? null : softmaxCrossEntropy(a, k);
      case "logOfSoftmax": return rank == 0 ? null : a.softmax(k % rank).log();
      default: return graph.apply(Identity.INSTANCE, a);
    }
  }

  /** Returns a new parameter shaped like {@code like}, in [0.1, 0.9]: a loss step's targets. */
  private Node targets(Node like) {
    Node y = graph.parameter("y" + graph.size(),
        Samples.uniform(random, 0.1, 0.9, like.shape().dims()));
    params.add(y);
    return y;
  }

  /** y∘log σ(z) + (1 − y)∘log(1 − σ(z)), z = 4·tanh(a), in the order and sign {@code k} picks. */
  private Node binaryCrossEntropy(Node a, int k) {
    Node y = targets(a);
    Node s = a.tanh().mul(4.0).sigmoid();
    Node positive = k % 2 == 0 ? y.mul(s.log()) : s.log().mul(y);
    Node negative = (k / 2) % 2 == 0 ? y.rsub(1).mul(s.rsub(1).log())
        : s.rsub(1).log().mul(y.rsub(1));
    return (k / 4) % 2 == 0 ? positive.add(negative) : negative.add(positive).neg();
  }

  /** y∘log softmax(a) summed over the class axis, over everything, or averaged, as {@code k} picks. */
  private Node softmaxCrossEntropy(Node a, int k) {
    int axis = k % a.shape().rank();
    Node y = targets(a);
    Node logP = a.softmax(axis).log();
    Node product = (k / 4) % 2 == 0 ? y.mul(logP) : logP.mul(y);
    switch ((k / 8) % 3) {
      case 0: return product.sum(axis).neg();
      case 1: return product.sum().neg();
      default: return product.mean().neg();
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
  public String listing() {
    return GraphListing.of(graph, false);
  }

  /**
   * Evaluates every forward node and discards the graph (a jqwik assumption) when a value is not
   * finite or above 1e4 in magnitude, or a kink lies within {@link #MARGIN} of an evaluation
   * point: the input of abs/relu/leakyRelu, the two sides of a comparison, or the runner-up of a
   * maximum. Exact zeros and ties are kept when they are structural (x − x, a broadcast copy),
   * where the function is locally constant along them: a tie must stay exact when the parameters
   * move by the finite-difference step in a random direction. A tie that is only rounding noise
   * (logsoftmax(logsoftmax(x)) against logsoftmax(x), equal in exact arithmetic) is a kink at
   * distance 1e-17 and often breaks under that move; not always, which is why the property tests
   * also check their differences at two steps. Returns 1 + the largest magnitude, a scale for
   * absolute tolerances.
   */
  public double assumeSmoothAndModerate() {
    List<Node> forward = graph.nodes().stream().filter(n -> !n.isGradient())
        .collect(Collectors.toList());
    Plan plan = Plan.compile(forward);
    List<Tensor> values = values(plan, forward);
    for (Tensor v : values) {
      for (double d : v.toArray()) {
        Assume.that(Double.isFinite(d) && Math.abs(d) <= 1e4);
      }
    }
    List<Tensor> kinks = kinkDistances(forward, values);
    for (Tensor d : kinks) {
      Assume.that(clear(d));
    }
    for (double sign : new double[] {1, -1}) {
      List<Tensor> moved = movedKinkDistances(plan, forward, sign);
      for (int k = 0; k < kinks.size(); k++) {
        Assume.that(sameZeros(kinks.get(k), moved.get(k)));
      }
    }
    return 1 + largest(values);
  }

  private static List<Tensor> values(Plan plan, List<Node> forward) {
    Results r = plan.run(Feeds.none());
    List<Tensor> values = new ArrayList<>();
    for (Node n : forward) {
      values.add(r.get(n).copy());
    }
    return values;
  }

  /** Returns the kink distances with every parameter moved by ±1e-4 in a random direction. */
  private List<Tensor> movedKinkDistances(Plan plan, List<Node> forward, double sign) {
    Random direction = new Random(params.size() * 31L + graph.size());
    List<Tensor> saved = new ArrayList<>();
    for (Node p : params) {
      saved.add(p.storedValue().copy());
      double[] d = p.storedValue().buffer();
      for (int i = 0; i < d.length; i++) {
        d[i] += sign * 1e-4 * (2 * direction.nextDouble() - 1);
      }
    }
    try {
      return kinkDistances(forward, values(plan, forward));
    } finally {
      for (int i = 0; i < params.size(); i++) {
        params.get(i).storedValue().copyFromInPlace(saved.get(i));
      }
    }
  }

  /** Returns, per kink node in order, how far each element is from the kink. */
  private static List<Tensor> kinkDistances(List<Node> forward, List<Tensor> values) {
    List<Tensor> out = new ArrayList<>();
    for (Node n : forward) {
      if (n.op() instanceof Abs || n.op() instanceof Relu || n.op() instanceof LeakyRelu) {
        out.add(values.get(n.inputs().get(0).id()));
      } else if (n.op() instanceof Compare) {
        out.add(Naive.binary(values.get(n.inputs().get(0).id()),
            values.get(n.inputs().get(1).id()), (x, y) -> x - y));
      } else if (n.op() instanceof Max) {
        Tensor x = values.get(n.inputs().get(0).id());
        Tensor top = Naive.reduce(x, ((Max) n.op()).axes().toArray(), true, Naive.Reduction.MAX);
        out.add(Naive.binary(top, x, (m, v) -> m - v));
      }
    }
    return out;
  }

  /** Returns true when no element lies strictly between 0 and the margin in magnitude. */
  private static boolean clear(Tensor distances) {
    for (double d : distances.toArray()) {
      if (d != 0 && Math.abs(d) < MARGIN) {
        return false;
      }
    }
    return true;
  }

  /** Returns true when {@code a} and {@code b} are exactly zero at the same elements. */
  private static boolean sameZeros(Tensor a, Tensor b) {
    double[] x = a.toArray();
    double[] y = b.toArray();
    for (int i = 0; i < x.length; i++) {
      if ((x[i] == 0) != (y[i] == 0)) {
        return false;
      }
    }
    return true;
  }

  /** Returns the largest |value| over {@code values}, for scaling tolerances. */
  public static double largest(List<Tensor> values) {
    double m = 0;
    for (Tensor t : values) {
      m = Math.max(m, Naive.unary(t, Math::abs).max().item());
    }
    return m;
  }
}
