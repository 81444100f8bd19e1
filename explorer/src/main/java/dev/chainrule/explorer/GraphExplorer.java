package dev.chainrule.explorer;

import dev.chainrule.core.autodiff.Gradients;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.export.ExportOptions;
import dev.chainrule.core.export.ExportOptions.View;
import dev.chainrule.core.export.GraphExport;
import dev.chainrule.core.export.Renderer;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.rewrite.GradientForm;
import dev.chainrule.core.rewrite.Rewriter;
import dev.chainrule.core.rewrite.RewrittenGradients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the interactive explorer of a graph: one self-contained HTML file (no server, no network,
 * every script and style inline) showing the forward graph, the backward graph, both, and the
 * backward graph after simplification, each drawn by core's export and renderer (the same layout
 * and styles as the SVG pictures), with pan and zoom, search by node name, layers that collapse
 * and expand, and a panel that shows the clicked node's operation, shape, defining formula (text
 * and typeset), value statistics with a histogram, gradient statistics and creation line.
 *
 * <pre>{@code
 * Gradients g = Autodiff.gradients(loss, List.of(W1, b1));
 * GraphExplorer.of(loss).gradients(g).title("my network").write(Path.of("net.html"));
 * }</pre>
 *
 * <p>For a model, {@link ModelExplorer} builds the graph. Instances are immutable.
 */
public final class GraphExplorer {
  private final List<Node> targets;
  private final Gradients gradients;
  private final Feeds feeds;
  private final RewrittenGradients simplified;
  private final Map<String, Double> symbols;
  private final String title;
  private final ExportOptions options;
  private final Renderer renderer;
  private final Boolean collapsed;

  private GraphExplorer(List<Node> targets, Gradients gradients, Feeds feeds,
      RewrittenGradients simplified, Map<String, Double> symbols, String title,
      ExportOptions options, Renderer renderer, Boolean collapsed) {
    this.targets = targets;
    this.gradients = gradients;
    this.feeds = feeds;
    this.simplified = simplified;
    this.symbols = symbols;
    this.title = title;
    this.options = options;
    this.renderer = renderer;
    this.collapsed = collapsed;
  }

  /** Returns an explorer of {@code targets} and their ancestors. */
  public static GraphExplorer of(Node... targets) {
    return of(List.of(targets));
  }

  /** Returns an explorer of {@code targets} and their ancestors. */
  public static GraphExplorer of(Collection<? extends Node> targets) {
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("the explorer needs at least one node to show");
    }
    List<Node> list = List.copyOf(targets);
    return new GraphExplorer(list, null, null, null, Map.of(), "chainrule graph of "
        + list.get(0).name(), ExportOptions.defaults().withLegend(true), Renderer.auto(), null);
  }

  /**
   * Returns this explorer aware of a reverse pass: it adds the backward, both and simplified views
   * and each forward node's gradient to the panel.
   */
  public GraphExplorer gradients(Gradients pass) {
    if (pass.output().graph() != targets.get(0).graph()) {
      throw new IllegalArgumentException("the gradients of " + pass.output().name() + " belong to"
          + " another graph than " + targets.get(0).name());
    }
    return new GraphExplorer(targets, pass, feeds, simplified, symbols, title, options, renderer,
        collapsed);
  }

  /** Returns this explorer computing values with {@code newFeeds}, else the inputs' held values. */
  public GraphExplorer feeds(Feeds newFeeds) {
    return new GraphExplorer(targets, gradients, newFeeds, simplified, symbols, title, options,
        renderer, collapsed);
  }

  /**
   * Returns this explorer showing {@code pass} as the simplified view instead of the standard
   * rewrite of its gradients (e.g. one rewritten with assumptions about the data).
   */
  public GraphExplorer simplified(RewrittenGradients pass) {
    return new GraphExplorer(targets, gradients, feeds, pass, symbols, title, options, renderer,
        collapsed);
  }

  /** Returns this explorer writing the number {@code value} as {@code name} (the batch size m). */
  public GraphExplorer symbol(String name, double value) {
    Map<String, Double> more = new LinkedHashMap<>(symbols);
    more.put(name, value);
    return new GraphExplorer(targets, gradients, feeds, simplified, more, title, options,
        renderer, collapsed);
  }

  /** Returns this explorer with {@code newTitle} as the page's title and heading. */
  public GraphExplorer title(String newTitle) {
    return new GraphExplorer(targets, gradients, feeds, simplified, symbols, newTitle, options,
        renderer, collapsed);
  }

  /**
   * Returns this explorer drawing with {@code base} options (direction, legend, literals); the
   * view and the collapsing of layers are set per picture.
   */
  public GraphExplorer options(ExportOptions base) {
    return new GraphExplorer(targets, gradients, feeds, simplified, symbols, title, base,
        renderer, collapsed);
  }

  /** Returns this explorer drawing its pictures with {@code newRenderer}. */
  public GraphExplorer renderer(Renderer newRenderer) {
    return new GraphExplorer(targets, gradients, feeds, simplified, symbols, title, options,
        newRenderer, collapsed);
  }

  /**
   * Returns this explorer opening every view with its layers collapsed to one box each ({@code
   * true}) or with every node ({@code false}); by default, views of more than 60 nodes open
   * collapsed.
   */
  public GraphExplorer collapsedLayers(boolean collapse) {
    return new GraphExplorer(targets, gradients, feeds, simplified, symbols, title, options,
        renderer, collapse);
  }

  /**
   * Returns the page as HTML text.
   *
   * @throws dev.chainrule.core.export.RenderException when no Graphviz engine can draw here
   */
  public String toHtml() {
    List<Map<String, Object>> graphs = new ArrayList<>();
    Views views = new Views(renderer, collapsed);
    ExportOptions options = this.options;
    for (Map.Entry<String, Double> s : symbols.entrySet()) {
      options = options.withSymbol(s.getKey(), s.getValue());
    }
    List<Node> forward = new ArrayList<>(targets);
    Node loss = gradients == null ? null : gradients.output();
    if (loss != null && !forward.contains(loss)) {
      forward.add(loss);
    }
    List<Node> everything = new ArrayList<>(forward);
    if (gradients != null) {
      everything.addAll(gradients.list());
    }
    graphs.add(NodeFacts.of(everything, feeds, gradients, symbols));
    views.add("forward", "Forward", export(forward), options.withView(View.FORWARD), 0, forward);
    if (gradients != null) {
      views.add("backward", "Backward", export(gradients.list()), options.withView(
          View.BACKWARD), 0, gradients.list());
      views.add("both", "Both", export(everything), options.withView(View.BOTH), 0, everything);
      RewrittenGradients r = simplified != null ? simplified : Rewriter.standard().gradients(
          gradients, GradientForm.PER_SAMPLE);
      List<Node> rewritten = new ArrayList<>(r.gradients());
      graphs.add(NodeFacts.of(rewritten, r.feeds(feeds == null ? Feeds.none() : feeds), null,
          symbols));
      ExportOptions simple = options.withView(View.BACKWARD);
      if (r.batchSize() > 1 && !symbols.containsKey("m")) {
        simple = simple.withSymbol("m", r.batchSize());
      }
      views.add("simplified", "Simplified", GraphExport.of(rewritten).loss(r.loss())
          .feeds(r.feeds(feeds == null ? Feeds.none() : feeds)), simple, 1, rewritten);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("title", title);
    data.put("graphs", graphs);
    data.put("views", views.json());
    return Page.html(title, data);
  }

  /**
   * Writes the page to {@code file} (creating its directory) and returns the file.
   *
   * @throws IOException when the file cannot be written
   */
  public Path write(Path file) throws IOException {
    String html = toHtml();
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, html, StandardCharsets.UTF_8);
    return file;
  }

  private GraphExport export(List<Node> nodes) {
    GraphExport e = GraphExport.of(nodes);
    if (gradients != null) {
      e = e.gradients(gradients);
    }
    return feeds == null ? e : e.feeds(feeds);
  }
}
