package dev.chainrule.core.export;

import dev.chainrule.core.autodiff.Gradients;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.graph.GraphMismatchException;
import dev.chainrule.core.graph.Node;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Exports a computation graph, forward, backward or both, as Graphviz DOT text: the entry point of
 * graph pictures. It draws the given target nodes and all their ancestors, configured by {@link
 * ExportOptions}; the graph itself knows nothing of DOT. The text is deterministic: node ids are
 * creation order and everything is written in id order, so golden-file tests can compare it.
 * {@link Renderer} turns the text into SVG or PNG.
 *
 * <pre>{@code
 * Gradients g = Autodiff.gradients(loss, List.of(W1, b1));
 * String dot = GraphExport.of(g.list()).gradients(g)
 *     .options(ExportOptions.defaults().withView(View.BOTH)).toDot();
 * }</pre>
 *
 * <p>Instances are immutable; each configuring method returns a new one.
 */
public final class GraphExport {
  private final List<Node> targets;
  private final ExportOptions options;
  private final Node loss;
  private final Gradients gradients;
  private final Feeds feeds;
  private final Set<Node> stopAt;

  private GraphExport(List<Node> targets, ExportOptions options, Node loss, Gradients gradients,
      Feeds feeds, Set<Node> stopAt) {
    this.targets = targets;
    this.options = options;
    this.loss = loss;
    this.gradients = gradients;
    this.feeds = feeds;
    this.stopAt = stopAt;
  }

  /** Returns an export of {@code targets} and their ancestors, with default options. */
  public static GraphExport of(Node... targets) {
    return of(List.of(targets));
  }

  /** Returns an export of {@code targets} and their ancestors, with default options. */
  public static GraphExport of(Collection<? extends Node> targets) {
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("a graph picture needs at least one target node");
    }
    List<Node> list = List.copyOf(targets);
    for (Node t : list) {
      sameGraph(list.get(0), t);
    }
    return new GraphExport(list, ExportOptions.defaults(), null, null, null, Set.of());
  }

  private static void sameGraph(Node first, Node other) {
    if (other != null && first.graph() != other.graph()) {
      throw new GraphMismatchException("cannot draw " + first.name() + " and " + other.name()
          + " in one picture: they belong to different graphs");
    }
  }

  /** Returns this export with {@code newOptions}. */
  public GraphExport options(ExportOptions newOptions) {
    if (newOptions == null) {
      throw new IllegalArgumentException("options must not be null; use ExportOptions.defaults()");
    }
    return new GraphExport(targets, newOptions, loss, gradients, feeds, stopAt);
  }

  /** Returns the options this export uses. */
  public ExportOptions options() {
    return options;
  }

  /**
   * Returns this export with {@code newLoss} highlighted as the loss; the forward and both views
   * also draw it (and its ancestors) when it is not among the targets' ancestors.
   */
  public GraphExport loss(Node newLoss) {
    sameGraph(targets.get(0), newLoss);
    return new GraphExport(targets, options, newLoss, gradients, feeds, stopAt);
  }

  /**
   * Returns this export aware of a reverse pass: the gradients of its parameters are highlighted,
   * its output becomes the loss unless one was set, the loss is linked to the seed of the pass,
   * and with values on, the forward view shows each forward node's gradient.
   */
  public GraphExport gradients(Gradients pass) {
    sameGraph(targets.get(0), pass.output());
    return new GraphExport(targets, options, loss == null ? pass.output() : loss, pass, feeds,
        stopAt);
  }

  /** Returns this export evaluating values with {@code newFeeds}, else the inputs' held values. */
  public GraphExport feeds(Feeds newFeeds) {
    return new GraphExport(targets, options, loss, gradients, newFeeds, stopAt);
  }

  /**
   * Returns this export stopping at {@code nodes}: those a drawn node reads are drawn faded, as
   * context, and what they are computed from is left out. A hand-written formula over a network's
   * values, for example, is drawn down to A[1] and Y rather than down to the network's inputs.
   * Targets are always drawn in full.
   */
  public GraphExport stopAt(Collection<? extends Node> nodes) {
    for (Node n : nodes) {
      sameGraph(targets.get(0), n);
    }
    return new GraphExport(targets, options, loss, gradients, feeds, Set.copyOf(nodes));
  }

  /**
   * Returns the picture as DOT text.
   *
   * @throws IllegalArgumentException when the view selects no node (the backward view of a graph
   *     without gradient nodes), or values are asked for and an input has no value
   */
  public String toDot() {
    return picture().dot();
  }

  /**
   * Returns the picture as DOT text with what it stands for. A graph that would draw more boxes
   * than the options' node budget is summarised, and the result says how: name scopes collapsed
   * to one box each (the backward pass one box per scope), runs of identical steps folded to one
   * box with their count and step formula ({@code × 2 000: y ← y ∘ x + 0.1}), and what is farthest
   * from the targets left out as one box. The caption and the legend say so too.
   *
   * @throws IllegalArgumentException as {@link #toDot()}
   */
  public GraphPicture picture() {
    Selection selection = select();
    int full = selection.drawn().size();
    if (options.collapseScopes()) {
      int boxes = LayerView.boxes(selection);
      if (boxes <= options.maxNodes()) {
        return new GraphPicture(LayerView.dot(selection, options), full, boxes, null);
      }
    }
    Summary summary = Summariser.summarise(selection, options, targets,
        options.collapseScopes());
    if (summary == null) {
      NodeValues values = NodeValues.compute(selection, options, feeds, gradients);
      return new GraphPicture(DetailedView.dot(selection, options, values.values(),
          values.gradients()), full, full, null);
    }
    NodeValues values = NodeValues.compute(summary.detailed(), options, feeds, gradients);
    return new GraphPicture(SummaryView.dot(selection, options, summary, values.values(),
        values.gradients()), full, summary.drawn(), summary.message());
  }

  /**
   * Returns the picture's nodes and edges alone, every DOT id starting with {@code prefix}, for
   * {@link SideBySide}; scopes are never collapsed there.
   */
  DetailedView.Body body(String prefix, String indent) {
    Selection selection = select();
    NodeValues values = NodeValues.compute(selection, options, feeds, gradients);
    return DetailedView.body(selection, values.values(), values.gradients(), prefix, indent);
  }

  private Selection select() {
    Selection selection = Selection.of(targets, options, loss, gradients, stopAt);
    if (selection.drawn().isEmpty()) {
      throw new IllegalArgumentException("the " + options.view().name().toLowerCase(
          java.util.Locale.ROOT) + " view of " + targets.get(0).name() + " has no node to draw: "
          + "pass gradient nodes (from Autodiff.grad) as targets for the backward view");
    }
    return selection;
  }
}
