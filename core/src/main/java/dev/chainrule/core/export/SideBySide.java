package dev.chainrule.core.export;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Several graph pictures in one, side by side: each {@link GraphExport} in a captioned box of its
 * own, one legend for all of them, one title. The exports may draw different graphs (a graph and
 * its rewrite: before and after) or the same one (reverse mode's gradient and a hand-written
 * formula built on the same nodes); a node drawn in two panels appears in each. The layout
 * direction and whether there is a legend come from the first panel's options; the panels' own
 * titles are not drawn, their captions are.
 *
 * <pre>{@code
 * String dot = SideBySide.titled("shallow: backward pass before and after simplification")
 *     .panel("reverse mode as built", GraphExport.of(raw).options(backward))
 *     .panel("after simplification", GraphExport.of(simplified).options(backward))
 *     .toDot();
 * }</pre>
 *
 * <p>Instances are immutable; each configuring method returns a new one.
 */
public final class SideBySide {
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

  private final String title;
  private final List<Panel> panels;

  private record Panel(String caption, GraphExport export, String note) {}

  private SideBySide(String title, List<Panel> panels) {
    this.title = title;
    this.panels = List.copyOf(panels);
  }

  /** Returns an empty picture captioned {@code title} (null for no caption). */
  public static SideBySide titled(String title) {
    return new SideBySide(title, List.of());
  }

  /** Returns this picture with {@code export} drawn in one more box, captioned {@code caption}. */
  public SideBySide panel(String caption, GraphExport export) {
    if (export == null) {
      throw new IllegalArgumentException("panel '" + caption + "' has no export to draw");
    }
    return with(new Panel(caption, export, null));
  }

  /**
   * Returns this picture with one more box holding only {@code text}, e.g. why a formula could
   * not be built as a graph.
   */
  public SideBySide note(String caption, String text) {
    return with(new Panel(caption, null, text));
  }

  private SideBySide with(Panel p) {
    if (panels.size() == LETTERS.length()) {
      throw new IllegalArgumentException("a side-by-side picture holds at most "
          + LETTERS.length() + " panels");
    }
    List<Panel> more = new ArrayList<>(panels);
    more.add(p);
    return new SideBySide(title, more);
  }

  /**
   * Returns the picture as DOT text: one cluster per panel, in the order added.
   *
   * @throws IllegalArgumentException when there is no panel, or a panel's export cannot be drawn
   */
  public String toDot() {
    if (panels.isEmpty()) {
      throw new IllegalArgumentException("a side-by-side picture needs at least one panel");
    }
    ExportOptions first = panels.stream().filter(p -> p.export() != null).findFirst()
        .map(p -> p.export().options()).orElse(ExportOptions.defaults());
    StringBuilder nodes = new StringBuilder();
    StringBuilder edges = new StringBuilder();
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Set<EdgeKind> kinds = EnumSet.noneOf(EdgeKind.class);
    int count = 0;
    for (int i = 0; i < panels.size(); i++) {
      Panel p = panels.get(i);
      String prefix = String.valueOf(LETTERS.charAt(i));
      nodes.append("  subgraph cluster_").append(prefix).append(" {\n    ")
          .append(attributes(p.caption())).append('\n');
      if (p.export() == null) {
        nodes.append("    ").append(prefix).append("note [shape=plaintext, label=<")
            .append(DotText.html(p.note())).append(">];\n");
        count++;
      } else {
        DetailedView.Body body = p.export().body(prefix, "    ");
        nodes.append(body.nodes());
        edges.append(body.edges());
        roles.addAll(body.roles());
        kinds.addAll(body.edgeKinds());
        count += body.nodes().lines().count();
      }
      nodes.append("  }\n");
    }
    StringBuilder sb = new StringBuilder(DotText.header(first.direction(), count));
    sb.append(nodes).append(edges);
    if (first.legend()) {
      Legend.write(sb, new ArrayList<>(roles), new ArrayList<>(kinds), List.of());
    }
    if (title != null) {
      sb.append(DotText.title(title));
    }
    return sb.append("}\n").toString();
  }

  /**
   * Returns a panel's cluster attributes: only those that every inner cluster sets again, so
   * that scope and backward-pass clusters inside keep their own look. The caption's spaces are
   * no-break spaces: the PNG rasteriser drops some ordinary ones in long bold lines (it draws
   * {@code dZ[2] = A[2] − Y} as {@code A[2]− Y}).
   */
  private static String attributes(String caption) {
    String text = DotText.html(caption == null ? "" : caption).replace(" ", "&#160;");
    return "label=<<b>" + text + "</b>>; "
        + "style=\"rounded\"; color=\"#555555\"; fontcolor=\"#222222\"; fontsize=13;";
  }
}
