package dev.chainrule.core.export;

import dev.chainrule.core.graph.Node;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a summarised picture: each fold as one box (a 3-D box for a collapsed scope, a double box
 * with its step formula for a run of identical steps, a dashed box for what the budget left out),
 * the other nodes in detail in their clusters, one edge per pair of boxes that data flows between
 * (labelled with the named values that cross), a legend that explains the boxes, and the summary
 * in the caption.
 */
final class SummaryView {
  private SummaryView() {}

  /** Returns the DOT text; {@code values} and {@code gradients} hold detailed nodes' lines. */
  static String dot(Selection selection, ExportOptions options, Summary summary,
      Map<Node, ValueText> values, Map<Node, ValueText> gradients) {
    ClusterTree clusters = ClusterTree.root();
    List<Fold> runs = new ArrayList<>();
    for (Fold f : summary.folds()) {
      if (f.kind() == Fold.Kind.RUN) {
        runs.add(f);
      }
    }
    boolean[] escapes = escapes(selection, summary);
    StepFormula formulas = new StepFormula(selection, summary.finder(), runs, escapes);
    Set<Fold.Kind> kinds = EnumSet.noneOf(Fold.Kind.class);
    int box = 0;
    for (Fold f : summary.folds()) {
      f.dotId("f" + ++box);
      kinds.add(f.kind());
      clusters.add(path(f, selection), f.dotId() + " [label=" + label(f, selection, escapes,
          formulas) + ", " + attributes(f, selection) + "];");
    }
    for (Node n : summary.detailed()) {
      clusters.add(selection.clusterPath(n), DetailedView.id(n) + " [label="
          + NodeLabels.label(n, selection, values.get(n), gradients.get(n)) + ", "
          + selection.role(n).attributes(DetailedView.named(n)) + "];");
    }
    StringBuilder sb = new StringBuilder(DotText.header(options.direction(), summary.drawn()));
    clusters.write(sb, "  ", "");
    Set<EdgeKind> used = EnumSet.noneOf(EdgeKind.class);
    writeEdges(sb, selection, summary, used);
    if (options.legend()) {
      List<Role> roles = new ArrayList<>();
      for (Role r : selection.rolesInUse()) {
        if (summary.detailed().stream().anyMatch(n -> selection.role(n) == r)) {
          roles.add(r);
        }
      }
      Set<String> rows = new LinkedHashSet<>();
      kinds.forEach(k -> rows.add(k.legend()));
      Legend.write(sb, roles, new ArrayList<>(used), new ArrayList<>(rows));
    }
    String caption = summary.caption();
    sb.append(DotText.title(options.title() == null ? caption : options.title(),
        options.title() == null ? null : caption));
    return sb.append("}\n").toString();
  }

  private static String id(Node n, Summary summary) {
    Fold f = summary.foldOf(n);
    return f == null ? DetailedView.id(n) : f.dotId();
  }

  private static List<String> path(Fold f, Selection selection) {
    if (f.kind() == Fold.Kind.RUN) {
      return selection.clusterPath(f.nodes().get(0));
    }
    return f.kind() == Fold.Kind.BACKWARD_SCOPE ? List.of(ClusterTree.BACKWARD) : List.of();
  }

  private static String label(Fold f, Selection selection, boolean[] escapes,
      StepFormula formulas) {
    switch (f.kind()) {
      case RUN:
        StringBuilder sb = new StringBuilder("<<b>× ").append(Summary.count(f.run().steps()))
            .append("</b> ").append(DotText.small(DotText.html(f.name()), "#666666"));
        for (String line : formulas.lines(f)) {
          sb.append("<br/>").append(DotText.html(line));
        }
        Node first = f.nodes().get(0);
        return sb.append("<br/>").append(DotText.small(DotText.html(Summary.count(
            f.nodes().size()) + " nodes, " + NodeLabels.shape(first.shape())), "#666666"))
            .append('>').toString();
      case REST:
        return "<<b>… " + Summary.count(f.nodes().size()) + " more nodes</b><br/>"
            + DotText.small(DotText.html("left out to stay within the budget; "
            + "computed before the boxes they feed"), "#666666") + ">";
      default:
        return ScopeBox.label(f.name(), f.nodes(), n -> n == selection.loss() || escapes[n.id()]);
    }
  }

  /** Returns, by node id, whether a folded node is read from outside its fold. */
  private static boolean[] escapes(Selection selection, Summary summary) {
    List<Node> drawn = selection.drawn();
    boolean[] escapes = new boolean[drawn.get(drawn.size() - 1).id() + 1];
    for (Node v : drawn) {
      for (Node u : v.inputs()) {
        Fold f = summary.foldOf(u);
        if (f != null && f != summary.foldOf(v) && selection.isDrawn(u)) {
          escapes[u.id()] = true;
        }
      }
    }
    return escapes;
  }

  private static String attributes(Fold f, Selection selection) {
    boolean gradient = f.nodes().get(0).isGradient();
    switch (f.kind()) {
      case RUN:
        Role look = gradient ? Role.GRADIENT : Role.OPERATION;
        return "shape=box, style=\"rounded,filled\", peripheries=2, fillcolor=\""
            + (look == Role.OPERATION ? "#f7f9fc" : look.fill()) + "\", color=\""
            + look.border() + "\"";
      case REST:
        return "shape=box, style=\"rounded,filled,dashed\", fillcolor=\"#f4f4f4\", "
            + "color=\"#999999\", fontcolor=\"#666666\"";
      case BACKWARD_SCOPE:
        return ScopeBox.attributes(Role.GRADIENT);
      default:
        return ScopeBox.attributes(f.nodes().contains(selection.loss()) ? Role.LOSS
            : Role.OPERATION);
    }
  }

  /**
   * Writes one edge per pair of boxes data flows between, in the order the flow is first met;
   * between two detailed nodes the edge is the detailed view's (with operand letters).
   */
  private static void writeEdges(StringBuilder sb, Selection selection, Summary summary,
      Set<EdgeKind> used) {
    Map<String, Set<String>> crossing = new LinkedHashMap<>();
    Map<String, EdgeKind> kinds = new LinkedHashMap<>();
    for (Node v : selection.drawn()) {
      if (v.op() == null || selection.role(v).faded()) {
        continue;
      }
      for (Node u : v.inputs()) {
        if (!selection.isDrawn(u) || u.isLiteral() && selection.inlinesLiterals(v)) {
          continue;
        }
        String from = id(u, summary);
        String to = id(v, summary);
        if (from.equals(to)) {
          continue;
        }
        String key = from + " -> " + to;
        Set<String> names = crossing.computeIfAbsent(key, k -> new LinkedHashSet<>());
        if (summary.foldOf(u) != null && u.isUserNamed()) {
          names.add(u.name());
        }
        kinds.putIfAbsent(key, DetailedView.kind(u, v));
      }
    }
    Node loss = selection.loss();
    Node seed = selection.seed();
    if (loss != null && seed != null && selection.isDrawn(loss) && selection.isDrawn(seed)
        && !id(loss, summary).equals(id(seed, summary))) {
      String key = id(loss, summary) + " -> " + id(seed, summary);
      crossing.putIfAbsent(key, new LinkedHashSet<>());
      kinds.put(key, EdgeKind.SEED);
    }
    for (Map.Entry<String, Set<String>> e : crossing.entrySet()) {
      EdgeKind kind = kinds.get(e.getKey());
      used.add(kind);
      sb.append("  ").append(e.getKey()).append(DetailedView.attributes(kind,
          ScopeBox.names(new ArrayList<>(e.getValue())))).append(";\n");
    }
  }
}
