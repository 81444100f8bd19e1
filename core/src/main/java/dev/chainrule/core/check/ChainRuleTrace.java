package dev.chainrule.core.check;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.rewrite.GraphCopy;
import dev.chainrule.core.rewrite.Rewritten;
import dev.chainrule.core.tensor.DType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chain rule for one derivative of a small scalar graph, step by step with the numbers on
 * every edge, as seed 001 works it by hand: every path from the loss down to the target with the
 * product of its local derivatives, and a walkthrough that multiplies along chains and adds at the
 * nodes where routes meet (out_h1 receives from o1 and o2). Edges run between named nodes (unnamed
 * operations are folded into them); each local derivative is computed by reverse mode on its
 * consumer alone; the total is checked against reverse mode on the whole graph.
 */
public final class ChainRuleTrace {
  /** Paths beyond this number are counted but not listed. */
  public static final int MAX_PATHS = 64;

  private final Node loss;
  private final Node wrt;
  private final NamedDag dag;
  private final Map<Node, Double> totals = new IdentityHashMap<>();
  private final List<Path> paths = new ArrayList<>();
  private int pathCount;
  private final double reverseMode;

  /**
   * One route from the loss down to the target.
   *
   * @param nodes the nodes from the loss to the target
   * @param factors the local derivative on each edge, top first
   */
  public record Path(List<Node> nodes, List<Double> factors) {
    /** Returns the product of the local derivatives: this route's share of the gradient. */
    public double product() {
      double p = 1;
      for (double f : factors) {
        p *= f;
      }
      return p;
    }
  }

  private ChainRuleTrace(Node loss, Node wrt, Feeds feeds) {
    this.loss = loss;
    this.wrt = wrt;
    this.dag = NamedDag.between(loss, wrt, feeds);
    collectPaths();
    Rewritten copy = GraphCopy.inDType(List.of(loss, wrt), DType.FLOAT64);
    Node d = Autodiff.grad(copy.get(loss), copy.get(wrt)).get(0);
    Plan plan = Plan.compile(d);
    this.reverseMode = plan.run(copy.feeds(feeds).usedBy(plan)).scalar(d);
  }

  /**
   * Traces ∂loss/∂wrt at {@code feeds}; both must be single numbers, as must the named nodes
   * between.
   */
  public static ChainRuleTrace of(Node loss, Node wrt, Feeds feeds) {
    if (loss.shape().size() != 1 || wrt.shape().size() != 1) {
      throw new IllegalArgumentException("the chain-rule trace needs a scalar loss and target; "
          + loss.name() + " has shape " + loss.shape() + " and " + wrt.name() + " has shape "
          + wrt.shape());
    }
    return new ChainRuleTrace(loss, wrt, feeds);
  }

  /** Returns the gradient by reverse mode on the whole graph. */
  public double gradient() {
    return reverseMode;
  }

  /** Returns the paths from the loss down to the target (at most {@link #MAX_PATHS}). */
  public List<Path> paths() {
    return List.copyOf(paths);
  }

  /** Returns the number of paths, including any not listed. */
  public int pathCount() {
    return pathCount;
  }

  /** Returns ∂loss/∂v summed over every route, for a node v on the paths. */
  double total(Node v) {
    return totals.computeIfAbsent(v, this::computeTotal);
  }

  private double computeTotal(Node v) {
    List<Node> order = new ArrayList<>();
    Deque<Node> work = new ArrayDeque<>(List.of(v));
    java.util.Set<Node> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    while (!work.isEmpty()) {
      Node n = work.pop();
      if (seen.add(n)) {
        order.add(n);
        work.addAll(dag.consumers(n));
      }
    }
    order.sort(Comparator.comparingInt(Node::id).reversed());
    Map<Node, Double> d = new IdentityHashMap<>();
    for (Node n : order) {
      double sum = n == loss ? 1.0 : 0.0;
      for (Node c : dag.consumers(n)) {
        sum += d.get(c) * dag.local(c, n);
      }
      d.put(n, sum);
    }
    return d.get(v);
  }

  private void collectPaths() {
    Deque<List<Node>> stack = new ArrayDeque<>();
    stack.push(List.of(wrt));
    while (!stack.isEmpty()) {
      List<Node> below = stack.pop();
      Node top = below.get(0);
      if (top == loss) {
        pathCount++;
        if (paths.size() < MAX_PATHS) {
          List<Double> f = new ArrayList<>();
          for (int i = 0; i + 1 < below.size(); i++) {
            f.add(dag.local(below.get(i), below.get(i + 1)));
          }
          paths.add(new Path(below, f));
        }
        continue;
      }
      List<Node> consumers = dag.consumers(top);
      for (int i = consumers.size() - 1; i >= 0; i--) {
        List<Node> longer = new ArrayList<>();
        longer.add(consumers.get(i));
        longer.addAll(below);
        stack.push(longer);
      }
    }
  }

  /** Returns the walkthrough, one line per step, as in seed 001. */
  public List<String> steps() {
    return new TraceWalkthrough(this, dag, loss, wrt).lines();
  }

  /** Returns the whole trace: the walkthrough, every path, and the check by reverse mode. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    sb.append("∂").append(loss.name()).append("/∂").append(wrt.name()).append(" by the chain rule")
        .append(pathCount == 1 ? " (1 path)" : " (" + pathCount + " paths)").append('\n');
    steps().forEach(l -> sb.append("  ").append(l).append('\n'));
    sb.append("  paths:\n");
    double sum = 0;
    for (Path p : paths) {
      sum += p.product();
      sb.append("    ").append(String.join(" → ", p.nodes().stream().map(Node::name).toList()))
          .append(": ").append(String.join(" × ", p.factors().stream()
              .map(TraceWalkthrough::number).toList()))
          .append(" = ").append(TraceWalkthrough.number(p.product())).append('\n');
    }
    if (paths.size() > 1) {
      sb.append("    sum over the paths: ").append(String.join(" + ", paths.stream()
          .map(p -> TraceWalkthrough.number(p.product())).toList())).append(" = ")
          .append(TraceWalkthrough.number(sum)).append('\n');
    }
    if (pathCount > paths.size()) {
      sb.append("    … and ").append(pathCount - paths.size()).append(" more paths\n");
    }
    sb.append("  reverse mode on the whole graph: ∂").append(loss.name()).append("/∂")
        .append(wrt.name()).append(" = ").append(TraceWalkthrough.number(reverseMode));
    double chain = total(wrt);
    sb.append(String.format(java.util.Locale.ROOT, " (the chain rule above: %s, difference %.1e)",
        TraceWalkthrough.number(chain), Math.abs(chain - reverseMode))).append('\n');
    return sb.toString();
  }

  @Override
  public String toString() {
    return text();
  }
}
