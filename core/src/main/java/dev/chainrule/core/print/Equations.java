package dev.chainrule.core.print;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Chooses which nodes a pass is written as, and in which order: the named operations of a forward
 * pass in creation order, and the named gradients of a backward pass in an evaluation order that
 * lists each layer's parameter gradients right after the error they come from, as the seeds do:
 * dZ[2], dW[2], db[2], dA[1], dZ[1], dW[1], db[1].
 */
public final class Equations {
  private Equations() {}

  /** Returns the user-named operations {@code output} depends on in its own pass, output last. */
  public static List<Node> forward(Node output) {
    Graph g = output.graph();
    boolean[] needed = new boolean[output.id() + 1];
    needed[output.id()] = true;
    List<Node> named = new ArrayList<>();
    for (int id = output.id(); id >= 0; id--) {
      Node n = g.node(id);
      if (!needed[id] || n.gradientPass() != output.gradientPass()) {
        continue;
      }
      n.inputs().forEach(in -> needed[in.id()] = true);
      if (n.kind() == NodeKind.OPERATION && (n.isUserNamed() || n == output)) {
        named.add(n);
      }
    }
    java.util.Collections.reverse(named);
    return named;
  }

  /**
   * Returns the named gradient operations the {@code gradients} are computed from (themselves
   * included), in an evaluation order: each equation after those it refers to, and among the ready
   * ones the requested gradients first, in their order, then the adjoints dX in the creation order
   * of their X (dout_o1 before dout_o2), then the rest by creation.
   */
  public static List<Node> backward(List<Node> gradients) {
    if (gradients.isEmpty()) {
      return List.of();
    }
    List<Node> equations = namedGradientAncestors(gradients);
    Map<Node, Integer> rank = new IdentityHashMap<>();
    for (int i = 0; i < gradients.size(); i++) {
      rank.putIfAbsent(gradients.get(i), i);
    }
    Map<Node, List<Node>> dependents = new IdentityHashMap<>();
    Map<Node, Integer> waiting = new IdentityHashMap<>();
    for (Node e : equations) {
      Set<Node> refs = references(e);
      waiting.put(e, refs.size());
      refs.forEach(r -> dependents.computeIfAbsent(r, k -> new ArrayList<>()).add(e));
    }
    Map<String, Integer> forwardIds = forwardIds(gradients.get(0).graph());
    Comparator<Node> byRank = Comparator.comparingInt(e -> rank.getOrDefault(e, Integer.MAX_VALUE));
    PriorityQueue<Node> ready = new PriorityQueue<>(byRank
        .thenComparingInt(e -> forwardIds.getOrDefault(e.name().substring(1), Integer.MAX_VALUE))
        .thenComparingInt(Node::id));
    equations.stream().filter(e -> waiting.get(e) == 0).forEach(ready::add);
    List<Node> order = new ArrayList<>();
    while (!ready.isEmpty()) {
      Node e = ready.poll();
      order.add(e);
      for (Node d : dependents.getOrDefault(e, List.of())) {
        if (waiting.merge(d, -1, Integer::sum) == 0) {
          ready.add(d);
        }
      }
    }
    return order;
  }

  /** Returns the creation position of each named forward node, so dout_o1 can follow out_o1. */
  private static Map<String, Integer> forwardIds(Graph g) {
    Map<String, Integer> ids = new HashMap<>();
    for (Node n : g.nodes()) {
      if (n.isUserNamed() && !n.isGradient()) {
        ids.putIfAbsent(n.name(), n.id());
      }
    }
    return ids;
  }

  private static boolean isEquation(Node n) {
    return n.kind() == NodeKind.OPERATION && n.isUserNamed() && n.isGradient();
  }

  private static List<Node> namedGradientAncestors(List<Node> roots) {
    if (roots.isEmpty()) {
      return List.of();
    }
    Graph g = roots.get(0).graph();
    int max = roots.stream().mapToInt(Node::id).max().orElse(0);
    boolean[] needed = new boolean[max + 1];
    roots.forEach(r -> needed[r.id()] = true);
    List<Node> found = new ArrayList<>();
    for (int id = max; id >= 0; id--) {
      if (needed[id]) {
        Node n = g.node(id);
        n.inputs().forEach(in -> needed[in.id()] = true);
        if (isEquation(n)) {
          found.add(n);
        }
      }
    }
    java.util.Collections.reverse(found);
    return found;
  }

  /** Returns the equations {@code e}'s formula names: named gradients reached via unnamed nodes. */
  private static Set<Node> references(Node e) {
    Set<Node> refs = new HashSet<>();
    Set<Node> seen = new HashSet<>();
    Deque<Node> stack = new ArrayDeque<>(e.inputs());
    while (!stack.isEmpty()) {
      Node n = stack.pop();
      if (!seen.add(n)) {
        continue;
      }
      if (isEquation(n)) {
        refs.add(n);
      } else if (n.kind() == NodeKind.OPERATION && !n.isUserNamed()) {
        stack.addAll(n.inputs());
      }
    }
    return refs;
  }
}
