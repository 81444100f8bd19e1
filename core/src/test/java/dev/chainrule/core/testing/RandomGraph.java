package dev.chainrule.core.testing;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.ops.AvgPool2d;
import dev.chainrule.core.graph.ops.Conv2d;
import dev.chainrule.core.graph.ops.Diag;
import dev.chainrule.core.graph.ops.Gather;
import dev.chainrule.core.graph.ops.Identity;
import dev.chainrule.core.graph.ops.MatMul;
import dev.chainrule.core.graph.ops.MaxPool2d;
import dev.chainrule.core.graph.Range;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Naive;
import dev.chainrule.core.tensor.Samples;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.Window2d;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A random DAG over the whole op set, built from a list of {@link Step}s that pick an operation
 * and operands among the nodes built so far; the one generator of the core tests: the
 * finite-difference and rewrite fuzz tests use its small shapes, the plan tests all three
 * {@link #FAMILIES} and its {@link #targets}. Steps whose operands do not fit the op are skipped,
 * so any list of steps builds a valid graph and shrinking a failing list stays meaningful. Inputs
 * of log, sqrt, fractional powers and denominators go through x² + 0.5 to stay in the domain;
 * half the exponentials read tanh(x) first, so that chains of them stay finite. Matrix products
 * read either operand transposed, in the product ({@code matmul}) or as an explicit transpose node
 * before it ({@code transposedMatmul}, which plans fold); large products and broadcasts are
 * skipped to keep a try fast.
 *
 * <p>Three steps write the losses the rewriter fuses, as a user would: binary cross-entropy of a
 * sigmoid, y∘log σ(z) + (1 − y)∘log(1 − σ(z)) (with z = 4·tanh(a), so that the unfused form the
 * fused one is compared with does not lose its accuracy to 1 − σ(z) cancelling), cross-entropy
 * y∘log softmax(a) reduced over the class axis, and log(softmax(a)) alone. Their targets y are
 * new parameters in [0.1, 0.9]. The structure steps read a matrix of at least 2×2 as a
 * one-channel image for a 2×2 convolution (with a new kernel parameter) or a 2×2 pool, take the
 * diagonal matrix of a vector, or gather two entries (maybe the same one twice, so that the
 * scatter-add of the derivative adds) along an axis.
 *
 * <p>A graph is of a {@link Kind}: the dtype it computes in, the dtype its sampled values are
 * rounded to, and the one list of step names it may take ({@link #OPS} for float64; {@link
 * #opsIn} for another dtype). A step outside the list is skipped like one whose operands do not
 * fit, so one list of steps builds the same graph in float32 and in float64, with the same
 * values when both round them to float32.
 */
public final class RandomGraph {
  /** The small leaf shapes, family 0; chosen so that many pairs broadcast. */
  public static final int[][] LEAF_SHAPES = {{}, {3}, {2, 1}, {2, 3}, {1, 3}, {3, 2}};
  /**
   * Families of leaf shapes; the leaves of one graph come from one family so that many pairs fit:
   * tiny, a few chunks of a fused loop, and long enough to be split across threads.
   */
  public static final int[][][] FAMILIES = {LEAF_SHAPES,
      {{}, {1}, {37, 1}, {1, 29}, {29}, {37, 29}, {29, 37}},
      {{}, {300, 1}, {1, 700}, {300, 700}, {700}}};
  /** The operations a step can apply, in the order {@link Step#op()} indexes them. */
  public static final String[] OPS = {"add", "sub", "mul", "div", "neg", "pow", "exp", "log",
      "sqrt", "abs", "square", "sigmoid", "tanh", "sin", "cos", "relu", "leakyRelu", "matmul",
      "transposedMatmul", "transpose", "reshape", "broadcastTo", "reduce", "softmax", "where",
      "compare", "identity", "binaryCrossEntropy", "softmaxCrossEntropy", "logOfSoftmax",
      "softplus", "gelu", "maximum", "minimum", "clamp", "logSumExp", "slice", "pad", "diag",
      "gather", "conv2d", "maxPool", "avgPool"};
  /**
   * The steps that need an operation some dtypes lack a kernel for: a graph of another dtype than
   * float64 takes them only once that operation {@link Op#supports supports} its dtype.
   */
  private static final Map<String, Op> NEEDS = Map.of("matmul", MatMul.PLAIN,
      "transposedMatmul", MatMul.PLAIN, "diag", Diag.INSTANCE, "gather", new Gather(0, null),
      "conv2d", new Conv2d(Window2d.DENSE, 1), "maxPool", new MaxPool2d(2, 2, Window2d.of(2, 0, 1)),
      "avgPool", new AvgPool2d(2, 2, Window2d.of(2, 0, 1)));
  /** Products with a first operand larger than this are skipped. */
  private static final int MAX_MATMUL_OPERAND = 30_000;
  /** Broadcasts of a tensor larger than this are skipped. */
  private static final int MAX_BROADCAST_SOURCE = 100_000;
  /**
   * Steps whose result would hold more elements than this (2²⁰) are skipped: family 2's largest
   * leaf holds 210 000, but an outer product of two of its reshaped leaves, (700, 1) by
   * (1, 210 000), or the broadcast sum of such a column and row, or the diagonal matrix of a long
   * vector, would hold 10⁸ to 10¹⁰, and a property compiling seven plans of such a graph ran out
   * of a 4 GB heap.
   */
  private static final long MAX_RESULT = 1L << 20;

  /**
   * One building step: apply {@code OPS[op]} to the nodes {@code a} and {@code b} (indices into
   * the nodes built so far, modulo their number), with {@code k} (0..95) choosing the op's
   * attributes.
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

  /**
   * What a graph computes in and from.
   *
   * @param dtype the dtype of the graph
   * @param values the dtype every sampled parameter and constant is rounded to first
   * @param ops the names of the steps it may take, a sublist of {@link #OPS}
   */
  public record Kind(DType dtype, DType values, List<String> ops) {
    /** The float64 graphs over the whole op set: the default. */
    public static final Kind FLOAT64 = new Kind(DType.FLOAT64, DType.FLOAT64, List.of(OPS));

    /** Returns float32 graphs over {@link #opsIn opsIn(FLOAT32)}. */
    public static Kind float32() {
      List<String> ops = opsIn(DType.FLOAT32);
      return new Kind(DType.FLOAT32, DType.FLOAT32, ops);
    }

    /** Returns this kind's float64 twin: the same values and steps, computed in float64. */
    public Kind inFloat64() {
      return new Kind(DType.FLOAT64, values, ops);
    }
  }

  /** The graph built. */
  public final Graph graph;
  /** What the graph computes in and from. */
  public final Kind kind;
  /** Its parameters: the leaves, then the targets the loss steps added. */
  public final List<Node> params = new ArrayList<>();
  /** The scalar loss: a random weighting of every unconsumed node (and the last one), summed. */
  public final Node loss;
  /** The loss and a random quarter of the other nodes: the targets the plan tests compile. */
  public final List<Node> targets = new ArrayList<>();
  private final List<Node> pool = new ArrayList<>();
  private final Set<Node> consumed = new HashSet<>();
  private final Random random;

  /** Builds the graph of {@code leaves} (indices into {@link #LEAF_SHAPES}) and {@code steps}. */
  public RandomGraph(List<Integer> leaves, List<Step> steps, long seed) {
    this(0, leaves, steps, seed);
  }

  /**
   * Builds the graph of {@code leaves} (indices, modulo its size, into the shape family {@code
   * FAMILIES[family]}) and {@code steps}.
   */
  public RandomGraph(int family, List<Integer> leaves, List<Step> steps, long seed) {
    this(family, leaves, steps, seed, Kind.FLOAT64);
  }

  /**
   * Builds the graph of {@code leaves} (as in {@link #RandomGraph(int, List, List, long)}) and
   * those {@code steps} that {@code kind} takes, in its dtype.
   */
  public RandomGraph(int family, List<Integer> leaves, List<Step> steps, long seed, Kind kind) {
    this.kind = kind;
    graph = new Graph(kind.dtype());
    random = new Random(seed);
    int[][] shapes = FAMILIES[family];
    for (int i = 0; i < leaves.size(); i++) {
      int[] dims = shapes[leaves.get(i) % shapes.length];
      Node p = graph.parameter("p" + i, sample(-1.5, 1.5, dims));
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
        Node r = graph.constant("R" + n.id(), sample(-1, 1, n.shape().dims()));
        Node term = n.mul(r).sum();
        total = total == null ? term : total.add(term);
      }
    }
    loss = total.named("L");
    targets.add(loss);
    for (Node n : pool) {
      if (random.nextInt(4) == 0) {
        targets.add(n);
      }
    }
  }

  /**
   * Returns the step names a graph of {@code dtype} can take: every one of {@link #OPS} whose
   * operations have a kernel in that dtype.
   */
  public static List<String> opsIn(DType dtype) {
    return Arrays.stream(OPS).filter(op -> !NEEDS.containsKey(op) || NEEDS.get(op).supports(dtype))
        .toList();
  }

  /** Returns the operation step {@code step} needs a kernel of in a graph's dtype, or null. */
  public static Op needs(String step) {
    return NEEDS.get(step);
  }

  /** Returns uniform values in [lo, hi), rounded to the kind's values and held in its dtype. */
  private Tensor sample(double lo, double hi, int... dims) {
    return Samples.uniform(random, lo, hi, dims).to(kind.values()).to(kind.dtype());
  }

  /** Returns x² + 0.5, positive and smooth: the domain guard for log, sqrt, powers, quotients. */
  private static Node positive(Node x) {
    return x.square().add(0.5);
  }

  /**
   * Returns true when {@code a} and {@code b} broadcast together to at most {@link #MAX_RESULT}
   * elements (counted before any shape is made, which would refuse more than 2³¹).
   */
  private static boolean broadcast(Node a, Node b) {
    int[] x = a.shape().dims();
    int[] y = b.shape().dims();
    int rank = Math.max(x.length, y.length);
    long size = 1;
    for (int i = 0; i < rank; i++) {
      int dx = i < rank - x.length ? 1 : x[i - (rank - x.length)];
      int dy = i < rank - y.length ? 1 : y[i - (rank - y.length)];
      if (dx != dy && dx != 1 && dy != 1) {
        return false;
      }
      size *= dx == 1 ? dy : dx;
      if (size > MAX_RESULT) {
        return false;
      }
    }
    return true;
  }

  private Node apply(Step s, Node a, Node b) {
    int k = s.k();
    int rank = a.shape().rank();
    String op = OPS[s.op() % OPS.length];
    if (!kind.ops().contains(op)) {
      return null;
    }
    switch (op) {
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
      case "exp": return k % 2 == 0 ? a.exp() : a.tanh().exp();
      case "log": return positive(a).log();
      case "sqrt": return positive(a).sqrt();
      case "abs": return a.abs();
      case "square": return a.square();
      case "sigmoid": return a.sigmoid();
      case "tanh": return a.tanh();
      case "sin": return a.sin();
      case "cos": return a.cos();
      case "relu": return a.relu();
      case "leakyRelu": return a.leakyRelu(0.1);
      case "matmul": return matmul(a, b, k, false);
      case "transposedMatmul": return matmul(a, b, k, true);
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
      case "softplus": return a.softplus();
      case "gelu": return a.gelu();
      case "maximum": return broadcast(a, b) ? a.maximum(b) : null;
      case "minimum": return broadcast(a, b) ? a.minimum(b) : null;
      case "clamp": return a.clamp(-0.8, k % 2 == 0 ? 0.9 : Double.POSITIVE_INFINITY);
      case "logSumExp": return rank == 0 ? a.logSumExp()
          : k % 2 == 0 ? a.logSumExp(k % rank) : a.logSumExpKeepDims(-1 - (k / 2) % rank);
      case "slice": return rank == 0 ? null : slice(a, k);
      case "pad": return pad(a, k);
      case "diag": return (rank == 1 || rank == 2 && (a.shape().dim(0) == 1
          || a.shape().dim(1) == 1)) && (long) a.shape().size() * a.shape().size() <= MAX_RESULT
          ? a.diag() : null;
      case "gather": return rank == 0 ? null : gather(a, k);
      case "conv2d": return image(a) ? conv2d(a) : null;
      case "maxPool": return image(a) ? a.reshape(image(a.shape())).maxPool2d(2)
          .reshape(a.shape().dim(0) / 2, a.shape().dim(1) / 2) : null;
      case "avgPool": return image(a) ? a.reshape(image(a.shape())).avgPool2d(2)
          .reshape(a.shape().dim(0) / 2, a.shape().dim(1) / 2) : null;
      default: return graph.apply(Identity.INSTANCE, a);
    }
  }

  /** Returns true for a matrix of at least 2×2, not too large, read as a one-channel image. */
  private static boolean image(Node a) {
    return a.shape().rank() == 2 && a.shape().dim(0) >= 2 && a.shape().dim(1) >= 2
        && a.shape().size() <= MAX_MATMUL_OPERAND;
  }

  private static int[] image(Shape s) {
    return new int[] {1, 1, s.dim(0), s.dim(1)};
  }

  /** Returns {@code a}, read as an image, convolved with a new 2×2 kernel parameter. */
  private Node conv2d(Node a) {
    Node kernel = graph.parameter("k" + graph.size(), sample(-1, 1, 1, 1, 2, 2));
    params.add(kernel);
    return a.reshape(image(a.shape())).conv2d(kernel)
        .reshape(a.shape().dim(0) - 1, a.shape().dim(1) - 1);
  }

  /**
   * Gathers two entries along an axis of {@code a} ({@code k} picks both), maybe the same twice.
   */
  private Node gather(Node a, int k) {
    int axis = k % a.shape().rank();
    int n = a.shape().dim(axis);
    Tensor indices = Tensor.of(new double[] {k % n, (k / 3) % n}, 2).to(kind.dtype());
    return a.gather(graph.constant("i" + graph.size(), indices), axis);
  }

  /** Slices one axis of {@code a} ({@code k} picks it) by a range with a step, never empty. */
  private static Node slice(Node a, int k) {
    int axis = k % a.shape().rank();
    Range[] options = {Range.from(1), Range.every(2), Range.every(-1), Range.of(-1, 0, -2)};
    Range[] ranges = new Range[axis + 1];
    ranges[axis] = a.shape().dim(axis) < 2 ? Range.every(-1) : options[(k / 2) % 4];
    return a.slice(ranges);
  }

  /** Pads every axis of {@code a} by 0 or 1 on each side with −0.5, 0 or 0.5 ({@code k} picks). */
  private static Node pad(Node a, int k) {
    int[][] widths = new int[a.shape().rank()][];
    for (int d = 0; d < widths.length; d++) {
      widths[d] = new int[] {(k + d) % 2, (k / 2 + d) % 2};
    }
    return a.pad(widths, (k % 3) * 0.5 - 0.5);
  }

  /** Returns a new parameter shaped like {@code like}, in [0.1, 0.9]: a loss step's targets. */
  private Node targets(Node like) {
    Node y = graph.parameter("y" + graph.size(), sample(0.1, 0.9, like.shape().dims()));
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

  /**
   * y∘log softmax(a) summed over the class axis, over everything, or averaged, as {@code k} picks.
   */
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

  /**
   * Returns op(a)·op(b), the transposes written as explicit nodes when {@code explicit}; null when
   * no choice of transposes fits or the product would hold more than {@link #MAX_RESULT} elements.
   */
  private static Node matmul(Node a, Node b, int k, boolean explicit) {
    if (a.shape().rank() != 2 || b.shape().rank() != 2
        || a.shape().size() > MAX_MATMUL_OPERAND) {
      return null;
    }
    for (int i = 0; i < 4; i++) {
      int flags = (k + i) % 4;
      boolean ta = (flags & 1) != 0;
      boolean tb = (flags & 2) != 0;
      int inner = ta ? a.shape().dim(0) : a.shape().dim(1);
      int other = tb ? b.shape().dim(1) : b.shape().dim(0);
      long rows = ta ? a.shape().dim(1) : a.shape().dim(0);
      long columns = tb ? b.shape().dim(0) : b.shape().dim(1);
      if (inner == other && rows * columns <= MAX_RESULT) {
        return explicit ? (ta ? a.T() : a).matmul(tb ? b.T() : b) : a.matmul(ta, b, tb);
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
    if (a.shape().size() > MAX_BROADCAST_SOURCE) {
      return null;
    }
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
   * finite or above 1e4 in magnitude, or a kink lies within 1e-2 of an evaluation point: the
   * input of abs/relu/leakyRelu, the two sides of a comparison, or the runner-up of a maximum.
   * Exact zeros and ties are kept when they are structural (x − x, a broadcast copy), where the
   * function is locally constant along them: a tie must stay exact when the parameters move by the
   * finite-difference step in a random direction. A tie that is only rounding noise
   * (logsoftmax(logsoftmax(x)) against logsoftmax(x), equal in exact arithmetic) is a kink at
   * distance 1e-17 and often breaks under that move; not always, which is why the property tests
   * also check their differences at two steps. Returns 1 + the largest magnitude, a scale for
   * absolute tolerances.
   */
  public double assumeSmoothAndModerate() {
    return Smoothness.assumeSmoothAndModerate(graph, params);
  }

  /**
   * Discards this graph and its {@code twin}, built from the same steps in another dtype, unless
   * they pass every kink on the same side; see {@link Smoothness}.
   */
  public void assumeSameKinkSides(RandomGraph twin) {
    Smoothness.assumeSameKinkSides(graph, twin.graph);
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
