package dev.chainrule.examples.formulas;

import dev.chainrule.core.graph.Node;
import dev.chainrule.examples.seeds.SeedNetwork;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The named nodes of a seed network's loss, by name (X, Y, W[1], Z[2], …), for the formula sets
 * that refer to them; asking for a missing one fails naming the example and the names it has.
 */
final class NetworkNodes {
  private final SeedNetwork network;
  private final Map<String, Node> byName = new LinkedHashMap<>();

  NetworkNodes(SeedNetwork network) {
    this.network = network;
    Node loss = network.loss();
    boolean[] needed = new boolean[loss.id() + 1];
    needed[loss.id()] = true;
    for (int id = loss.id(); id >= 0; id--) {
      if (needed[id]) {
        Node n = network.graph().node(id);
        n.inputs().forEach(in -> needed[in.id()] = true);
        if (n.isUserNamed() || (n.op() == null && !n.isLiteral())) {
          byName.putIfAbsent(n.name(), n);
        }
      }
    }
  }

  /** Returns the node named {@code name}. */
  Node get(String name) {
    Node n = byName.get(name);
    if (n == null) {
      throw new IllegalArgumentException("example '" + network.name() + "' has no node named '"
          + name + "'; its named nodes are " + String.join(", ", byName.keySet()));
    }
    return n;
  }

  /** Returns true when the loss depends on a node named {@code name}. */
  boolean has(String name) {
    return byName.containsKey(name);
  }
}
