package dev.chainrule.examples.formulas;

import dev.chainrule.core.graph.Node;
import dev.chainrule.examples.seeds.SeedNetwork;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The named nodes of a seed network's loss, by name (X, Y, W[1], Z[2], …), for the formula sets
 * that refer to them; asking for a missing one fails naming the example and the names it has.
 * The formula sets use seed 004's notation; a network written in another seed's notation is read
 * through {@link SeedNotation}: W(2) and w[2] for W[2], a(0) or X for A[0], 1(y) for Y, p for P.
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

  /** Returns the node named {@code name}, or its counterpart in the network's own notation. */
  Node get(String name) {
    Node n = find(name);
    if (n == null) {
      throw new IllegalArgumentException("example '" + network.name() + "' has no node named '"
          + name + "'; its named nodes are " + String.join(", ", byName.keySet()));
    }
    return n;
  }

  /** Returns true when the loss depends on a node named {@code name} (in any notation). */
  boolean has(String name) {
    return find(name) != null;
  }

  private Node find(String name) {
    for (String candidate : SeedNotation.spellings(name)) {
      Node n = byName.get(candidate);
      if (n != null) {
        return n;
      }
    }
    return null;
  }
}
