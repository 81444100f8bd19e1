package dev.chainrule.explorer;

import dev.chainrule.core.export.ExportOptions;
import dev.chainrule.core.export.GraphExport;
import dev.chainrule.core.export.Renderer;
import dev.chainrule.core.graph.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the views of the page, each through core's export: its DOT text drawn by core's
 * renderer with every node, and, when the graph has name scopes, once more with one box per layer.
 * A view opens with its layers collapsed when asked to, or by default when its graph has more than
 * {@value #COLLAPSE_ABOVE} nodes.
 */
final class Views {
  /** The node count above which a view opens with its layers collapsed. */
  static final int COLLAPSE_ABOVE = 60;

  private final Renderer renderer;
  private final Boolean collapsed;
  private final List<Map<String, Object>> views = new ArrayList<>();

  /**
   * Starts an empty list of views drawn by {@code renderer}, opening collapsed as {@code
   * collapsed} says (null: by size).
   */
  Views(Renderer renderer, Boolean collapsed) {
    this.renderer = renderer;
    this.collapsed = collapsed;
  }

  /**
   * Adds the view {@code key} (labelled {@code label} on its button) of {@code export} with
   * {@code options}; {@code graph} is the index of the node facts its nodes are described by.
   */
  void add(String key, String label, GraphExport export, ExportOptions options, int graph,
      List<Node> drawnFrom) {
    List<Map<String, Object>> variants = new ArrayList<>();
    String all = export.options(options.withCollapsedScopes(false)).toDot();
    variants.add(Variant.of("all", all, renderer.svg(all)).json());
    boolean scoped = NodeFacts.ancestors(drawnFrom).stream().anyMatch(n -> !n.scope().isEmpty());
    if (scoped) {
      String layers = export.options(options.withCollapsedScopes(true)).toDot();
      variants.add(Variant.of("layers", layers, renderer.svg(layers)).json());
    }
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("key", key);
    v.put("label", label);
    v.put("graph", graph);
    v.put("variants", variants);
    boolean collapse = collapsed != null ? collapsed
        : NodeFacts.ancestors(drawnFrom).size() > COLLAPSE_ABOVE;
    v.put("open", scoped && collapse ? "layers" : "all");
    views.add(v);
  }

  /** Returns the views added, in order, as JSON-ready values. */
  List<Map<String, Object>> json() {
    return views;
  }
}
