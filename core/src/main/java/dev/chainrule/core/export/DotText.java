package dev.chainrule.core.export;

import java.util.Locale;

/**
 * The small pieces of DOT syntax the exporters share: escaping for quoted strings and HTML-like
 * labels, compact numbers, the font every picture uses, and the graph header.
 */
final class DotText {
  /** The font named on graph, nodes and edges: installed with every Debian/Ubuntu JDK. */
  static final String FONT = "DejaVu Sans";

  private DotText() {}

  /**
   * Escapes text for an HTML-like label ({@code <…>}): ampersand, angle brackets, quotes. A space
   * next to an escaped character becomes a no-break space, because the PNG rasteriser drops
   * ordinary spaces around the entities Graphviz writes into its SVG ({@code a &gt; b} would be
   * drawn as {@code a>b}).
   */
  static String html(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replaceAll(" (&(?:amp|lt|gt|quot);)", "&#160;$1")
        .replaceAll("(&(?:amp|lt|gt|quot);) ", "$1&#160;");
  }

  /**
   * Returns {@code s} as a double-quoted DOT string; spaces next to {@code & < >} become no-break
   * spaces for the reason given at {@link #html}.
   */
  static String quoted(String s) {
    String kept = s.replaceAll(" ([&<>])", "\u00a0$1").replaceAll("([&<>]) ", "$1\u00a0");
    return "\"" + kept.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
        + "\"";
  }

  /** Formats a layout number (pen width, spacing) without a trailing ".0". */
  static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v)
        .replaceAll("0+$", "");
  }

  /** Returns small grey text for an HTML-like label. */
  static String small(String escapedText, String color) {
    return "<font point-size=\"9\" color=\"" + color + "\">" + escapedText + "</font>";
  }

  /**
   * Returns the opening of a digraph: direction, font, spacing, and defaults for nodes and edges.
   * {@code newrank} ranks across clusters, so that an edge from the loss's cluster to the backward
   * pass's cluster really points down and the backward part starts below the loss. Big graphs
   * get Graphviz's cheaper layout limits, without which a few hundred nodes take minutes.
   */
  static String header(ExportOptions.Direction direction, int nodeCount) {
    StringBuilder sb = new StringBuilder("digraph chainrule {\n");
    sb.append("  graph [rankdir=").append(direction.name()).append(", newrank=true, fontname=\"")
        .append(FONT)
        .append("\", fontsize=11, nodesep=0.25, ranksep=0.35");
    if (nodeCount > 250) {
      sb.append(", nslimit=1, nslimit1=1, mclimit=0.1");
    }
    sb.append("];\n");
    sb.append("  node [fontname=\"").append(FONT)
        .append("\", fontsize=11, margin=\"0.1,0.04\"];\n");
    sb.append("  edge [fontname=\"").append(FONT).append("\", fontsize=9, color=\"#444444\", "
        + "arrowsize=0.7];\n");
    return sb.toString();
  }

  /** Returns the caption statement, placed last so that no cluster inherits it. */
  static String title(String title) {
    return title(title, null);
  }

  /**
   * Returns the caption statement with a second, smaller line under the title ({@code subtitle},
   * or null for none).
   */
  static String title(String title, String subtitle) {
    String second = subtitle == null ? "" : "<br/><font point-size=\"11\">" + html(subtitle)
        + "</font>";
    return "  label=<<b>" + html(title) + "</b>" + second + ">;\n  labelloc=t;\n  fontsize=15;\n";
  }
}
