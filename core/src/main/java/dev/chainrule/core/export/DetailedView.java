package dev.chainrule.core.export;

import dev.chainrule.core.graph.Node;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the picture with every selected node: nodes declared inside their scope clusters (the
 * backward pass in a cluster of its own), then every edge at the root in consumer-id and operand
 * order, then the legend and the caption. Node ids are {@code n} plus the graph's node id, after
 * a prefix when several pictures share one graph ({@link SideBySide}).
 */
final class DetailedView {
  private DetailedView() {}

  /**
   * The nodes and edges of one picture without header, legend or caption.
   *
   * @param nodes the node statements inside their clusters
   * @param edges the edge statements, at the root
   * @param roles the node roles drawn, in legend order
   * @param edgeKinds the kinds of edge drawn
   */
  record Body(String nodes, String edges, List<Role> roles, Set<EdgeKind> edgeKinds) {}

  /** Returns the DOT text of the selection with the given values (by node; may be empty). */
  static String dot(Selection selection, ExportOptions options, Map<Node, ValueText> values,
      Map<Node, ValueText> gradients) {
    StringBuilder sb = new StringBuilder(DotText.header(options.direction(),
        selection.drawn().size()));
    Body body = body(selection, values, gradients, "", "  ");
    sb.append(body.nodes()).append(body.edges());
    if (options.legend()) {
      Legend.write(sb, body.roles(), new ArrayList<>(body.edgeKinds()), List.of());
    }
    if (options.title() != null) {
      sb.append(DotText.title(options.title()));
    }
    return sb.append("}\n").toString();
  }

  /**
   * Returns the selection's nodes (declared at {@code indent}) and edges, with every DOT id, and
   * every cluster's, starting with {@code prefix}.
   */
  static Body body(Selection selection, Map<Node, ValueText> values,
      Map<Node, ValueText> gradients, String prefix, String indent) {
    ClusterTree clusters = ClusterTree.root();
    for (Node n : selection.drawn()) {
      String statement = id(prefix, n) + " [label=" + NodeLabels.label(n, selection,
          values.get(n), gradients.get(n)) + ", " + selection.role(n).attributes(named(n)) + "];";
      clusters.add(selection.clusterPath(n), statement);
    }
    StringBuilder nodes = new StringBuilder();
    clusters.write(nodes, indent, prefix);
    StringBuilder sb = new StringBuilder();
    Set<EdgeKind> used = EnumSet.noneOf(EdgeKind.class);
    for (Node v : selection.drawn()) {
      if (v.op() == null || selection.role(v).faded()) {
        continue;
      }
      List<Node> inputs = v.inputs();
      for (int i = 0; i < inputs.size(); i++) {
        Node u = inputs.get(i);
        if (!selection.isDrawn(u) || u.isLiteral() && selection.inlinesLiterals(v)) {
          continue;
        }
        EdgeKind kind = kind(u, v);
        used.add(kind);
        sb.append("  ").append(id(prefix, u)).append(" -> ").append(id(prefix, v))
            .append(attributes(kind, operandLabel(v, i))).append(";\n");
      }
    }
    Node loss = selection.loss();
    Node seed = selection.seed();
    if (loss != null && seed != null && selection.isDrawn(loss) && selection.isDrawn(seed)) {
      used.add(EdgeKind.SEED);
      sb.append("  ").append(id(prefix, loss)).append(" -> ").append(id(prefix, seed))
          .append(attributes(EdgeKind.SEED, null)).append(";\n");
    }
    anchorBackward(sb, selection, prefix);
    return new Body(nodes.toString(), sb.toString(), selection.rolesInUse(), used);
  }

  /**
   * Ranks the whole backward part below its seed: every gradient node that no drawn gradient node
   * feeds (such as the {@code 1 − σ} of a sigmoid's derivative) gets an invisible edge from the
   * seed, so that it does not float up beside the forward value it reuses.
   */
  private static void anchorBackward(StringBuilder sb, Selection selection, String prefix) {
    Node seed = selection.seed();
    if (seed == null || !selection.isDrawn(seed)) {
      return;
    }
    for (Node v : selection.drawn()) {
      if (v != seed && v.isGradient() && !selection.role(v).faded()
          && v.inputs().stream().noneMatch(u -> u.isGradient() && selection.isDrawn(u))) {
        sb.append("  ").append(id(prefix, seed)).append(" -> ").append(id(prefix, v))
            .append(" [style=invis];\n");
      }
    }
  }

  /** Returns the DOT id of a node: stable across runs because node ids are creation order. */
  static String id(Node n) {
    return id("", n);
  }

  private static String id(String prefix, Node n) {
    return prefix + "n" + n.id();
  }

  /** Returns true when the node is drawn as a box with its name, false for an unnamed operation. */
  static boolean named(Node n) {
    return n.op() == null || n.isUserNamed();
  }

  /** Returns the kind of the edge that carries {@code u} into {@code v}. */
  static EdgeKind kind(Node u, Node v) {
    if (!v.isGradient()) {
      return EdgeKind.FORWARD;
    }
    return u.isGradient() ? EdgeKind.BACKWARD : EdgeKind.REUSE;
  }

  /**
   * Returns the operand's letter when the operation's label names its two operands A and B (the
   * matrix product {@code A·Bᵀ}), so that the picture shows which side each input is on.
   */
  private static String operandLabel(Node v, int i) {
    String label = v.op().label();
    if (v.inputs().size() == 2 && label.contains("A") && label.contains("B")) {
      return i == 0 ? "A" : "B";
    }
    return null;
  }

  static String attributes(EdgeKind kind, String label) {
    String a = kind.attributes();
    if (label != null) {
      a += (a.isEmpty() ? "" : ", ") + "label=" + DotText.quoted(label);
    }
    return a.isEmpty() ? "" : " [" + a + "]";
  }
}
