package dev.chainrule.core.export;

import java.util.List;

/**
 * The legend: a small table in its own cluster with one coloured row per kind of node in the
 * picture and one row per kind of edge, so that it explains exactly what is drawn.
 */
final class Legend {
  private Legend() {}

  /**
   * Appends the legend cluster for the given node roles and edge kinds, in the given order, after
   * rows of plain text explaining other shapes ({@code extraRows}, may be empty).
   */
  static void write(StringBuilder sb, List<Role> roles, List<EdgeKind> edges,
      List<String> extraRows) {
    sb.append("  subgraph cluster_legend {\n");
    sb.append("    label=\"legend\"; style=\"rounded,filled\"; fillcolor=\"#fafafa\"; "
        + "color=\"#bbbbbb\"; fontcolor=\"#555555\"; fontsize=11;\n");
    sb.append("    legend [shape=plaintext, style=\"\", margin=0, label=<<table border=\"0\" "
        + "cellborder=\"1\" cellspacing=\"0\" cellpadding=\"3\" color=\"#bbbbbb\">");
    for (String row : extraRows) {
      sb.append("<tr><td bgcolor=\"#ffffff\">").append(DotText.html(row)).append("</td></tr>");
    }
    for (Role r : roles) {
      sb.append("<tr><td bgcolor=\"").append(r.fill()).append("\"><font color=\"")
          .append(r.faded() ? "#666666" : "#000000").append("\">")
          .append(DotText.html(r.meaning())).append("</font></td></tr>");
    }
    for (EdgeKind e : edges) {
      sb.append("<tr><td align=\"left\"><font color=\"").append(e.color()).append("\">")
          .append(stroke(e.style())).append("</font> ").append(DotText.html(e.meaning()))
          .append("</td></tr>");
    }
    sb.append("</table>>];\n  }\n");
  }

  private static String stroke(String style) {
    switch (style) {
      case "dashed":
        return "╍╍╍";
      case "dotted":
        return "┈┈┈";
      default:
        return "━━━";
    }
  }
}
