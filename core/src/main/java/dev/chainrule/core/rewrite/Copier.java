package dev.chainrule.core.rewrite;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.GraphMismatchException;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.graph.ops.Identity;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Copies the ancestors of some target nodes into another graph in creation order (no recursion),
 * keeping each node's name, scope, gradient pass and user line. Parameters share their tensors
 * with the original and inputs keep their held values, unless the factory converts them to
 * another dtype ({@link NodeFactory#converting}). A node listed in {@code cut} becomes an input
 * of the same name, shape and dtype (the copy's, in a converting copy), so the part of the graph
 * below it is left out.
 */
final class Copier {
  private Copier() {}

  /** Returns the copy of each source node by id, or null for nodes not copied. */
  static Node[] copy(List<Node> targets, Set<Node> cut, Set<Node> unname, NodeFactory factory) {
    return copy(targets, cut, unname, factory, (old, copy) -> { });
  }

  /** Copies like {@link #copy(List, Set, Set, NodeFactory)}, telling {@code copied} each pair. */
  static Node[] copy(List<Node> targets, Set<Node> cut, Set<Node> unname, NodeFactory factory,
      BiConsumer<Node, Node> copied) {
    Graph source = sourceOf(targets);
    boolean[] needed = ancestors(source, targets, cut);
    Node[] map = new Node[needed.length];
    Graph into = factory.graph();
    for (int id = 0; id < needed.length; id++) {
      if (!needed[id]) {
        continue;
      }
      Node old = source.node(id);
      try (Graph.Scope origin = into.inheriting(old)) {
        factory.copying(old);
        map[id] = cut.contains(old) ? input(old, factory) : copyOne(old, map, factory);
        if (old.kind() == NodeKind.OPERATION && old.isUserNamed() && !cut.contains(old)
            && !unname.contains(old)) {
          map[id] = name(map[id], old.name());
        }
      }
      copied.accept(old, map[id]);
    }
    keepNamedScalars(source, map, factory);
    return map;
  }

  /**
   * Copies the user-named scalar constants (λ = 0.1) the targets no longer read, unread: a rewrite
   * folds their values into numbers, and the copy still holds the names those numbers came from,
   * so that a printer may write them by name.
   */
  private static void keepNamedScalars(Graph source, Node[] map, NodeFactory factory) {
    for (Node old : source.nodes()) {
      if (old.kind() == NodeKind.CONSTANT && !old.isLiteral() && old.shape().size() == 1
          && (old.id() >= map.length || map[old.id()] == null)) {
        try (Graph.Scope origin = factory.graph().inheriting(old)) {
          factory.constant(old.name(), old.storedValue());
        }
      }
    }
  }

  /** Returns the one graph all targets belong to. */
  static Graph sourceOf(List<Node> targets) {
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("nothing to copy: the list of target nodes is empty");
    }
    Graph g = targets.get(0).graph();
    for (Node t : targets) {
      if (t.graph() != g) {
        throw new GraphMismatchException("targets " + targets.get(0).name() + " and " + t.name()
            + " belong to different graphs; rewrite one graph at a time");
      }
    }
    return g;
  }

  /** Returns, by id, whether a node is a target or an ancestor of one not below a cut node. */
  static boolean[] ancestors(Graph source, List<Node> targets, Set<Node> cut) {
    int max = 0;
    for (Node t : targets) {
      max = Math.max(max, t.id());
    }
    boolean[] needed = new boolean[max + 1];
    for (Node t : targets) {
      needed[t.id()] = true;
    }
    for (int id = max; id >= 0; id--) {
      Node n = source.node(id);
      if (needed[id] && !cut.contains(n)) {
        for (Node in : n.inputs()) {
          needed[in.id()] = true;
        }
      }
    }
    return needed;
  }

  private static Node copyOne(Node old, Node[] map, NodeFactory factory) {
    Graph into = factory.graph();
    switch (old.kind()) {
      case INPUT:
        Node in = input(old, factory);
        return old.heldValue() == null ? in : in.hold(factory.value(old.heldValue()));
      case PARAMETER:
        return into.parameter(old.name(), factory.value(old.storedValue()));
      case CONSTANT:
        return old.isLiteral() ? factory.literal(old.storedValue().item())
            : factory.constant(old.name(), old.storedValue());
      default:
        List<Node> inputs = old.inputs().stream().map(n -> map[n.id()]).toList();
        return factory.apply(old.op(), inputs);
    }
  }

  /**
   * Returns an input standing for {@code old} (an input, or a cut node) with its name and shape,
   * of the dtype the factory gives it: the node's own, so that a cut inside a cast island is fed
   * and computes as the island did, or the dtype a converting copy computes in.
   */
  private static Node input(Node old, NodeFactory factory) {
    return factory.graph().input(old.name(), factory.dtypeOf(old), old.shape().dims());
  }

  /**
   * Gives {@code node} the name {@code name}: directly when it is an unnamed operation, else
   * through an identity alias, so that a shared node (a literal, a parameter, a node another name
   * already labels) is never renamed.
   */
  private static Node name(Node node, String name) {
    if (node.name().equals(name) && node.isUserNamed()) {
      return node;
    }
    if (node.kind() == NodeKind.OPERATION && !node.isUserNamed()) {
      return node.named(name);
    }
    return node.graph().apply(Identity.INSTANCE, node).named(name);
  }
}
