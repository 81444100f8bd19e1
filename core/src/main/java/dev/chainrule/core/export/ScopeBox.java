package dev.chainrule.core.export;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The 3-D box that stands for a collapsed name scope (a layer), in the layers view and in
 * summaries: its title, its operation count, its parameters and the named values it hands on.
 */
final class ScopeBox {
  private static final int MAX_LISTED = 4;

  private ScopeBox() {}

  /**
   * Returns the box's HTML-like label; {@code leaves} tells which nodes are used outside the box
   * (its outputs).
   */
  static String label(String title, List<Node> nodes, Predicate<Node> leaves) {
    List<Node> parameters = new ArrayList<>();
    List<Node> outputs = new ArrayList<>();
    int operations = 0;
    for (Node n : nodes) {
      if (n.kind() == NodeKind.PARAMETER) {
        parameters.add(n);
      } else if (n.kind() == NodeKind.OPERATION) {
        operations++;
      }
      if (n.isUserNamed() && n.kind() == NodeKind.OPERATION && leaves.test(n)) {
        outputs.add(n);
      }
    }
    StringBuilder sb = new StringBuilder("<<b>").append(DotText.html(title)).append("</b><br/>")
        .append(operations).append(operations == 1 ? " operation" : " operations");
    if (!parameters.isEmpty()) {
      sb.append("<br/>").append(DotText.small(DotText.html("parameters: " + listed(parameters)),
          "#7a5c00"));
    }
    if (!outputs.isEmpty()) {
      sb.append("<br/>").append(DotText.small(DotText.html("→ " + listed(outputs)), "#333333"));
    }
    return sb.append('>').toString();
  }

  /** Returns the attributes of a box drawn in the colours of {@code look}. */
  static String attributes(Role look) {
    String fill = look == Role.OPERATION ? "#f7f9fc" : look.fill();
    return "shape=box3d, style=filled, margin=\"0.15,0.08\", fillcolor=\"" + fill
        + "\", color=\"" + look.border() + "\"";
  }

  /** Returns up to four names for an edge label, then an ellipsis; null for none. */
  static String names(List<String> names) {
    return names.isEmpty() ? null : String.join(", ", names.subList(0,
        Math.min(names.size(), MAX_LISTED))) + (names.size() > MAX_LISTED ? ", …" : "");
  }

  private static String listed(List<Node> nodes) {
    List<Node> first = nodes.subList(0, Math.min(nodes.size(), MAX_LISTED));
    String more = nodes.size() > MAX_LISTED ? " … (" + nodes.size() + ")" : "";
    return NodeLabels.namesWithShapes(first) + more;
  }
}
