package dev.chainrule.core.export;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the collapsed picture: one box per top-level name scope (one per layer) listing its
 * parameters and the values it hands on, one box for the backward pass, and the nodes outside any
 * scope (inputs, a loss built outside the layers) drawn as usual. An unscoped parameter or
 * constant joins the box of the layer that uses it when exactly one layer does. Edges between
 * boxes are labelled with the named values that cross them.
 */
final class LayerView {
  private LayerView() {}

  /** One box: a scope's nodes, or a single node outside every scope. */
  private static final class Group {
    final String id;
    final String scope;
    final List<Node> nodes = new ArrayList<>();

    Group(String id, String scope) {
      this.id = id;
      this.scope = scope;
    }
  }

  /** Returns how many boxes the collapsed picture of the selection draws. */
  static int boxes(Selection selection) {
    return group(selection, new LinkedHashMap<>()).size();
  }

  /**
   * Groups the selection's nodes into boxes, in drawing order, filling {@code groupOf} with each
   * node's box.
   */
  private static Map<String, Group> group(Selection selection, Map<Node, Group> groupOf) {
    Map<String, Group> groups = new LinkedHashMap<>();
    int[] boxes = {0};
    for (Node n : selection.drawn()) {
      String key = key(n, selection);
      if (key != null) {
        Group g = groups.computeIfAbsent(key, k -> k.startsWith("#")
            ? new Group(DetailedView.id(n), null) : new Group("g" + ++boxes[0], k));
        g.nodes.add(n);
        groupOf.put(n, g);
      }
    }
    for (Node n : selection.drawn()) {
      if (!groupOf.containsKey(n) && !n.isLiteral()) {
        Group target = soleLayer(n, selection, groupOf);
        Group g = target != null ? target : groups.computeIfAbsent("#" + n.id(),
            k -> new Group(DetailedView.id(n), null));
        g.nodes.add(n);
        groupOf.put(n, g);
      }
    }
    return groups;
  }

  /** Returns the DOT text of the collapsed picture of the selection. */
  static String dot(Selection selection, ExportOptions options) {
    Map<Node, Group> groupOf = new LinkedHashMap<>();
    Map<String, Group> groups = group(selection, groupOf);
    StringBuilder sb = new StringBuilder(DotText.header(options.direction(), groups.size()));
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Group g : groups.values()) {
      if (g.scope == null) {
        Node n = g.nodes.get(0);
        roles.add(selection.role(n));
        sb.append("  ").append(g.id).append(" [label=").append(NodeLabels.label(n, selection, null,
            null)).append(", ").append(selection.role(n).attributes(DetailedView.named(n)))
            .append("];\n");
      } else {
        if (g.nodes.contains(selection.loss())) {
          roles.add(Role.LOSS);
        }
        sb.append("  ").append(g.id).append(" [label=").append(boxLabel(g, selection, groupOf))
            .append(", ").append(boxAttributes(g, selection)).append("];\n");
      }
    }
    Set<EdgeKind> used = EnumSet.noneOf(EdgeKind.class);
    writeEdges(sb, selection, groupOf, used);
    if (options.legend()) {
      List<Role> shown = new ArrayList<>(roles);
      shown.remove(Role.LITERAL);
      String note = boxNote(groups.values());
      Legend.write(sb, shown, new ArrayList<>(used), note == null ? List.of() : List.of(note));
    }
    if (options.title() != null) {
      sb.append(DotText.title(options.title()));
    }
    return sb.append("}\n").toString();
  }

  /**
   * Returns the legend's row for the 3D boxes drawn: layers (name scopes), the backward pass, both,
   * or null when the picture has none, as for a graph built without scopes.
   */
  private static String boxNote(Iterable<Group> groups) {
    boolean layers = false;
    boolean backward = false;
    for (Group g : groups) {
      layers |= g.scope != null && !g.scope.equals(ClusterTree.BACKWARD);
      backward |= ClusterTree.BACKWARD.equals(g.scope);
    }
    if (layers) {
      return backward ? "3D box: one name scope (layer), or the backward pass, collapsed"
          : "3D box: one name scope (layer), collapsed";
    }
    return backward ? "3D box: the backward pass, collapsed" : null;
  }

  /** Returns the box a node belongs to by its own scope, or null when only its users decide. */
  private static String key(Node n, Selection selection) {
    if (n.isGradient() && selection.role(n) != Role.REUSED) {
      return ClusterTree.BACKWARD;
    }
    if (!n.scope().isEmpty()) {
      return n.scope().split("/")[0];
    }
    if (n.kind() == NodeKind.PARAMETER || n.kind() == NodeKind.CONSTANT) {
      return null;
    }
    return n.isLiteral() ? null : "#" + n.id();
  }

  /** Returns the one layer box all forward users of an unscoped parameter sit in, or null. */
  private static Group soleLayer(Node n, Selection selection, Map<Node, Group> groupOf) {
    Group only = null;
    for (Node user : selection.drawn()) {
      if (user.isGradient() || !user.inputs().contains(n)) {
        continue;
      }
      Group g = groupOf.get(user);
      if (g == null || g.scope == null || only != null && only != g) {
        return null;
      }
      only = g;
    }
    return only;
  }

  private static String boxLabel(Group g, Selection selection, Map<Node, Group> groupOf) {
    String title = g.scope.equals(ClusterTree.BACKWARD) ? "backward pass" : g.scope;
    return ScopeBox.label(title, g.nodes, n -> leaves(n, g, selection, groupOf));
  }

  /** Returns true when {@code n} is used outside its box or is the loss. */
  private static boolean leaves(Node n, Group g, Selection selection, Map<Node, Group> groupOf) {
    if (n == selection.loss()) {
      return true;
    }
    for (Node user : selection.drawn()) {
      if (groupOf.get(user) != g && user.inputs().contains(n)) {
        return true;
      }
    }
    return false;
  }

  private static String boxAttributes(Group g, Selection selection) {
    boolean backward = g.scope.equals(ClusterTree.BACKWARD);
    boolean loss = g.nodes.contains(selection.loss());
    Role look = backward ? Role.GRADIENT : loss ? Role.LOSS : Role.OPERATION;
    return ScopeBox.attributes(look);
  }

  private static void writeEdges(StringBuilder sb, Selection selection, Map<Node, Group> groupOf,
      Set<EdgeKind> used) {
    Map<String, Set<String>> crossing = new LinkedHashMap<>();
    Map<String, EdgeKind> kinds = new LinkedHashMap<>();
    for (Node v : selection.drawn()) {
      Group to = groupOf.get(v);
      if (to == null || v.op() == null || selection.role(v) == Role.REUSED) {
        continue;
      }
      for (Node u : v.inputs()) {
        Group from = groupOf.get(u);
        if (from == null || from == to) {
          continue;
        }
        String key = from.id + " -> " + to.id;
        Set<String> names = crossing.computeIfAbsent(key, k -> new LinkedHashSet<>());
        if (from.scope != null && u.isUserNamed()) {
          names.add(u.name());
        }
        kinds.putIfAbsent(key, DetailedView.kind(u, v));
      }
    }
    for (Map.Entry<String, Set<String>> e : crossing.entrySet()) {
      EdgeKind kind = kinds.get(e.getKey());
      used.add(kind);
      String label = ScopeBox.names(new ArrayList<>(e.getValue()));
      sb.append("  ").append(e.getKey()).append(DetailedView.attributes(kind, label))
          .append(";\n");
    }
  }
}
