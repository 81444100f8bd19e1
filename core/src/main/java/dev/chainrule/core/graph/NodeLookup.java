package dev.chainrule.core.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds a node of a graph by the name formulas, pictures and errors show: a name the user gave
 * ({@code "A[1]"}), or the generated name of an unnamed node ({@code "mul_12"}).
 */
final class NodeLookup {
  /** At most this many names are listed in the error for a missing name. */
  static final int NAMES_SHOWN = 40;

  private NodeLookup() {}

  /**
   * Returns the node of {@code nodes} called {@code name}.
   *
   * @throws IllegalArgumentException naming the graph's named nodes when none is called so, or the
   *     ids of every node called so when several are
   */
  static Node find(List<Node> nodes, String name) {
    List<Node> named = new ArrayList<>();
    for (Node n : nodes) {
      if (n.isUserNamed() && n.name().equals(name)) {
        named.add(n);
      }
    }
    if (named.size() == 1) {
      return named.get(0);
    }
    if (named.size() > 1) {
      List<Integer> ids = named.stream().map(Node::id).toList();
      throw new IllegalArgumentException(named.size() + " nodes are named '" + name + "' (ids "
          + ids + "); take one by id with graph.node(int), or name them apart");
    }
    Node generated = generated(nodes, name);
    if (generated != null) {
      return generated;
    }
    throw new IllegalArgumentException("no node is named '" + name + "'; " + namesOf(nodes));
  }

  /** Returns the unnamed node whose generated name ({@code op_id}) is {@code name}, or null. */
  private static Node generated(List<Node> nodes, String name) {
    int underscore = name.lastIndexOf('_');
    if (underscore < 0 || underscore == name.length() - 1) {
      return null;
    }
    String digits = name.substring(underscore + 1);
    if (!digits.chars().allMatch(Character::isDigit) || digits.length() > 9) {
      return null;
    }
    int id = Integer.parseInt(digits);
    if (id >= nodes.size()) {
      return null;
    }
    Node n = nodes.get(id);
    return !n.isUserNamed() && n.name().equals(name) ? n : null;
  }

  private static String namesOf(List<Node> nodes) {
    List<String> names = new ArrayList<>();
    int count = 0;
    for (Node n : nodes) {
      if (n.isUserNamed()) {
        count++;
        if (names.size() < NAMES_SHOWN) {
          names.add(n.name());
        }
      }
    }
    if (count == 0) {
      return "the graph has no named nodes (name one with node.named(\"…\"))";
    }
    String more = count > names.size() ? ", … and " + (count - names.size()) + " more" : "";
    return "the graph's named nodes are " + String.join(", ", names) + more;
  }
}
