package dev.chainrule.core.check;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.rewrite.GraphCopy;
import dev.chainrule.core.rewrite.Rewritten;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The graph seen at the level of its names: a node is a named node or a leaf (no literals), and
 * an edge runs from a named consumer to each such node it reads through unnamed operations only.
 * Restricted to the nodes on some path from a target up to the loss, each edge carries its local
 * derivative ∂consumer/∂input, computed by reverse mode on the consumer alone with every one of its
 * named inputs held fixed.
 */
final class NamedDag {
  private final Node loss;
  private final Map<Node, Map<Node, Double>> local = new IdentityHashMap<>();
  private final Map<Node, List<Node>> consumers = new IdentityHashMap<>();

  private NamedDag(Node loss) {
    this.loss = loss;
  }

  static NamedDag between(Node loss, Node wrt, Feeds feeds) {
    NamedDag dag = new NamedDag(loss);
    boolean[] below = descendants(loss, wrt);
    Map<Node, Set<Node>> inputsOf = new IdentityHashMap<>();
    Deque<Node> work = new ArrayDeque<>(List.of(loss));
    Set<Node> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    seen.add(loss);
    while (!work.isEmpty()) {
      Node c = work.pop();
      if (c.kind() != NodeKind.OPERATION || c == wrt) {
        continue;
      }
      Set<Node> in = new LinkedHashSet<>();
      for (Node v : frontier(c)) {
        if (below[v.id()]) {
          in.add(v);
          if (seen.add(v)) {
            work.push(v);
          }
        }
      }
      inputsOf.put(c, in);
    }
    Map<Node, Tensor> values = InFloat64.valuesOf(
        new ArrayList<>(allFrontiers(inputsOf.keySet())), feeds);
    for (Map.Entry<Node, Set<Node>> e : inputsOf.entrySet()) {
      dag.local.put(e.getKey(), derivatives(e.getKey(), e.getValue(), values));
      for (Node v : e.getValue()) {
        dag.consumers.computeIfAbsent(v, k -> new ArrayList<>()).add(e.getKey());
      }
    }
    dag.consumers.values().forEach(l -> l.sort((a, b) -> Integer.compare(a.id(), b.id())));
    return dag;
  }

  /** Marks the nodes that depend on {@code wrt} (wrt included), up to the loss. */
  private static boolean[] descendants(Node loss, Node wrt) {
    Graph g = loss.graph();
    boolean[] flag = new boolean[loss.id() + 1];
    if (wrt.id() > loss.id()) {
      return flag;
    }
    flag[wrt.id()] = true;
    for (int id = wrt.id() + 1; id <= loss.id(); id++) {
      for (Node in : g.node(id).inputs()) {
        if (flag[in.id()]) {
          flag[id] = true;
          break;
        }
      }
    }
    return flag;
  }

  /** Returns the named nodes and non-literal leaves {@code c} reads through unnamed operations. */
  static Set<Node> frontier(Node c) {
    Set<Node> out = new LinkedHashSet<>();
    Set<Node> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Node> stack = new ArrayDeque<>(c.inputs());
    while (!stack.isEmpty()) {
      Node n = stack.pop();
      if (!seen.add(n) || n.isLiteral()) {
        continue;
      }
      if (n.isUserNamed() || n.kind() != NodeKind.OPERATION) {
        out.add(n);
      } else {
        stack.addAll(n.inputs());
      }
    }
    return out;
  }

  private static Set<Node> allFrontiers(Set<Node> consumers) {
    Set<Node> all = new LinkedHashSet<>(consumers);
    consumers.forEach(c -> all.addAll(frontier(c)));
    return all;
  }

  /**
   * Returns ∂c/∂v for each v, with all of c's named inputs held fixed at their float64 {@code
   * values}, by reverse mode on a float64 copy of c alone.
   */
  private static Map<Node, Double> derivatives(Node c, Set<Node> wrt, Map<Node, Tensor> values) {
    requireScalar(c);
    if (wrt.isEmpty()) {
      return Map.of();
    }
    Set<Node> fixed = frontier(c);
    Rewritten alone = GraphCopy.cut(List.of(c), fixed, DType.FLOAT64);
    Feeds feeds = Feeds.none();
    for (Node f : fixed) {
      feeds = feeds.with(alone.get(f), values.get(f));
    }
    List<Node> inputs = new ArrayList<>();
    for (Node v : wrt) {
      requireScalar(v);
      inputs.add(alone.get(v));
    }
    List<Node> grads = Autodiff.grad(alone.get(c), inputs.toArray(new Node[0]));
    Plan plan = Plan.compile(grads);
    Results r = plan.run(feeds.usedBy(plan));
    Map<Node, Double> out = new LinkedHashMap<>();
    int k = 0;
    for (Node v : wrt) {
      out.put(v, r.scalar(grads.get(k++)));
    }
    return out;
  }

  private static void requireScalar(Node n) {
    if (n.shape().size() != 1) {
      throw new IllegalArgumentException("the chain-rule trace follows one number per node, but "
          + n.name() + " has shape " + n.shape() + "; trace a network written with scalar nodes "
          + "(like seed 001's), or name only scalar nodes");
    }
  }

  Node loss() {
    return loss;
  }

  /** Returns the consumers of {@code v} on paths to the loss, by creation order. */
  List<Node> consumers(Node v) {
    return consumers.getOrDefault(v, List.of());
  }

  /** Returns ∂c/∂v along the edge from c to v. */
  double local(Node c, Node v) {
    return local.get(c).get(v);
  }
}
