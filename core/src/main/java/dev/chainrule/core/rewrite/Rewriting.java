package dev.chainrule.core.rewrite;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.Rewrite;
import dev.chainrule.core.graph.ops.BroadcastTo;
import dev.chainrule.core.scalar.Scalar;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The node factory the rules build with: every node goes through the rules first, then through a
 * table of the nodes already built, so a node equal to an earlier one (same operation, same
 * inputs) is that node (common-subexpression elimination). It also knows which nodes hold
 * constant values, folds nothing itself, and counts the rewrites that fired.
 */
public final class Rewriting implements NodeFactory, Rewrite.Context {
  private static final int MAX_DEPTH = 64;

  private final Graph graph;
  private final List<Rule> rules;
  private final Map<Key, Node> built = new HashMap<>();
  private final Map<Long, Node> literals = new HashMap<>();
  private final Map<Node, Tensor> constants = new IdentityHashMap<>();
  private final Map<Node, Double> uniforms = new IdentityHashMap<>();
  private final Map<Node, Set<Integer>> distributions = new IdentityHashMap<>();
  private final Map<String, Integer> fired = new LinkedHashMap<>();
  private final Recomputations recomputations;
  private int depth;

  Rewriting(Graph graph, List<Rule> rules, Recomputations recomputations) {
    this.graph = graph;
    this.rules = List.copyOf(rules);
    this.recomputations = recomputations;
  }

  private record Key(Op op, List<Node> inputs) {}

  /** Returns the graph being built. */
  @Override
  public Graph graph() {
    return graph;
  }

  /** Tells the record of recomputations which source node is being copied. */
  @Override
  public void copying(Node original) {
    recomputations.copying(original);
  }

  /** Builds {@code form} unless an earlier run found it computed {@code original}'s work twice. */
  @Override
  public Node recomputing(Node original, Supplier<Node> form) {
    return recomputations.recomputing(graph, original, form);
  }

  /** Returns {@code op} applied to {@code inputs}, rewritten by the rules and shared when equal. */
  @Override
  public Node apply(Op op, Node... inputs) {
    return apply(op, List.of(inputs));
  }

  /** Returns {@code op} applied to {@code inputs}, rewritten by the rules and shared when equal. */
  @Override
  public Node apply(Op op, List<Node> inputs) {
    if (depth < MAX_DEPTH) {
      depth++;
      try {
        for (Rule rule : rules) {
          Node replaced = tryRule(rule, op, inputs);
          if (replaced != null) {
            return replaced;
          }
        }
      } finally {
        depth--;
      }
    }
    return share(op, inputs);
  }

  private Node tryRule(Rule rule, Op op, List<Node> inputs) {
    try {
      return rule.rewrite(op, inputs, this);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Returns {@code op(inputs)} built without consulting the rules, or the equal node built before.
   */
  public Node share(Op op, List<Node> inputs) {
    Key key = new Key(op, List.copyOf(inputs));
    Node existing = built.get(key);
    if (existing != null) {
      count("common subexpression");
      return existing;
    }
    Node n = graph.apply(op, inputs.toArray(new Node[0]));
    built.put(key, n);
    evaluateIfConstant(n);
    return n;
  }

  private void evaluateIfConstant(Node n) {
    if (isPassThrough(n.op())) {
      return;
    }
    Tensor[] args = new Tensor[n.inputs().size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = constantValue(n.inputs().get(i));
      if (args[i] == null) {
        return;
      }
    }
    Tensor out = Tensor.zeros(n.shape(), n.dtype());
    n.op().forward(args, out);
    constants.put(n, out);
  }

  /** Returns the scalar literal {@code value}, one node per distinct value. */
  @Override
  public Node literal(double value) {
    Node n = literals.get(Double.doubleToLongBits(value));
    if (n == null) {
      n = graph.scalar(value);
      literals.put(Double.doubleToLongBits(value), n);
      constants.put(n, n.storedValue());
    }
    return n;
  }

  /** Returns a named constant holding {@code value}. */
  @Override
  public Node constant(String name, Tensor value) {
    Node n = graph.constant(name, value);
    constants.put(n, value);
    return n;
  }

  /**
   * Returns a node holding {@code value} everywhere in {@code shape}: the literal itself for a
   * scalar shape, else the literal broadcast to the shape.
   */
  public Node uniform(double value, Shape shape) {
    Node lit = literal(value);
    return shape.equals(lit.shape()) ? lit : share(new BroadcastTo(shape), List.of(lit));
  }

  /** Returns the value of a node computed only from constants, or null. */
  public Tensor constantValue(Node n) {
    Tensor t = constants.get(n);
    if (t != null || n.kind() != NodeKind.OPERATION || !isPassThrough(n.op())) {
      return t;
    }
    List<Node> chain = new ArrayList<>();
    Node source = n;
    while (source.kind() == NodeKind.OPERATION && isPassThrough(source.op())
        && !constants.containsKey(source)) {
      chain.add(source);
      source = source.inputs().get(0);
    }
    Tensor v = constants.get(source);
    for (int i = chain.size() - 1; v != null && i >= 0; i--) {
      Node step = chain.get(i);
      Tensor out = Tensor.zeros(step.shape(), step.dtype());
      step.op().forward(new Tensor[] {v}, out);
      constants.put(step, out);
      v = out;
    }
    return v;
  }

  /** Returns c when every element of {@code n} is the constant c, else null. */
  @Override
  public Double uniformValue(Node n) {
    if (uniforms.containsKey(n)) {
      return uniforms.get(n);
    }
    Double u = null;
    if (n.isLiteral()) {
      u = n.storedValue().item();
    } else if (n.kind() == NodeKind.OPERATION && isPassThrough(n.op())) {
      Node source = n;
      while (source.kind() == NodeKind.OPERATION && isPassThrough(source.op())) {
        source = source.inputs().get(0);
      }
      u = uniformValue(source);
    } else {
      Tensor t = constants.get(n);
      if (t != null) {
        double[] b = t.dtype() == DType.FLOAT64 ? t.buffer() : t.toArray();
        u = b.length == 0 ? null : b[0];
        for (int i = 1; u != null && i < b.length; i++) {
          if (Double.doubleToLongBits(b[i]) != Double.doubleToLongBits(u)) {
            u = null;
          }
        }
      }
    }
    uniforms.put(n, u);
    return u;
  }

  /** Returns true for an operation whose every element is its input's: its form is its argument. */
  private static boolean isPassThrough(Op op) {
    return PASS_THROUGH.equals(op.scalarForm());
  }

  private static final Scalar PASS_THROUGH = Scalar.argument(0);

  /** Records that {@code y}'s slices along {@code axis} are assumed to sum to 1. */
  void assumeDistribution(Node y, int axis) {
    distributions.computeIfAbsent(y, k -> new java.util.TreeSet<>()).add(axis);
  }

  /** Returns true when {@code y}'s slices along {@code axis} were declared to sum to 1. */
  public boolean isDistribution(Node y, int axis) {
    Set<Integer> axes = distributions.get(y);
    return axes != null && axes.contains(axis);
  }

  /** Records that a rewrite fired and returns its result. */
  @Override
  public Node fired(String rewrite, Node result) {
    count(rewrite);
    return result;
  }

  private void count(String what) {
    fired.merge(what, 1, Integer::sum);
  }

  /** Returns how often each rewrite fired, in first-fired order. */
  Map<String, Integer> firedCounts() {
    return new LinkedHashMap<>(fired);
  }
}
