package dev.chainrule.core.export;

import dev.chainrule.core.autodiff.Gradients;
import dev.chainrule.core.exec.FeedException;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.export.ExportOptions.ValueDisplay;
import dev.chainrule.core.export.ExportOptions.View;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value lines of a picture. Constants always show small values (they need no evaluation);
 * with values switched on, every drawn node is evaluated once through one {@link Plan}, and in the
 * forward view each forward node also shows its gradient when the gradients are known.
 */
final class NodeValues {
  private static final int CONSTANT_ELEMENTS = 4;

  private final Map<Node, ValueText> values = new IdentityHashMap<>();
  private final Map<Node, ValueText> gradients = new IdentityHashMap<>();

  private NodeValues() {}

  /** Computes the lines for the selection; {@code feeds} and {@code grads} may be null. */
  static NodeValues compute(Selection selection, ExportOptions options, Feeds feeds,
      Gradients grads) {
    return compute(selection.drawn(), options, feeds, grads);
  }

  /**
   * Computes the lines for {@code drawn}, the nodes a picture draws in detail; {@code feeds} and
   * {@code grads} may be null.
   */
  static NodeValues compute(List<Node> drawn, ExportOptions options, Feeds feeds,
      Gradients grads) {
    NodeValues v = new NodeValues();
    ValueDisplay display = options.values();
    for (Node n : drawn) {
      boolean small = n.shape().size() <= CONSTANT_ELEMENTS;
      if (n.kind() == NodeKind.CONSTANT && !n.isLiteral() && display == ValueDisplay.NONE
          && small) {
        v.values.put(n, ValueText.of(n.storedValue(), ValueDisplay.VALUES, CONSTANT_ELEMENTS, ""));
      }
    }
    if (display == ValueDisplay.NONE) {
      return v;
    }
    List<Node> targets = new ArrayList<>();
    Map<Node, Node> adjointOf = new IdentityHashMap<>();
    for (Node n : drawn) {
      if (n.isLiteral()) {
        continue;
      }
      targets.add(n);
      Node adjoint = grads == null ? null : grads.adjoint(n);
      if (options.view() == View.FORWARD && adjoint != null && !n.isGradient()) {
        adjointOf.put(n, adjoint);
        targets.add(adjoint);
      }
    }
    if (targets.isEmpty()) {
      return v;
    }
    Results r = run(targets, feeds);
    int max = options.maxValueElements();
    for (Node n : drawn) {
      if (!n.isLiteral()) {
        v.values.put(n, ValueText.of(r.get(n), display, max, ""));
      }
    }
    for (Map.Entry<Node, Node> e : adjointOf.entrySet()) {
      v.gradients.put(e.getKey(), ValueText.of(r.get(e.getValue()), display, max, "grad "));
    }
    return v;
  }

  private static Results run(List<Node> targets, Feeds feeds) {
    try {
      Plan plan = Plan.compile(targets);
      return plan.run(feeds == null ? Feeds.none() : feeds.usedBy(plan));
    } catch (FeedException e) {
      throw new IllegalArgumentException("cannot show values in the picture: " + e.getMessage()
          + " (give the picture feeds with GraphExport.feeds(...))", e);
    }
  }

  /** Returns each node's value lines. */
  Map<Node, ValueText> values() {
    return values;
  }

  /** Returns each forward node's gradient lines (forward view with gradients only). */
  Map<Node, ValueText> gradients() {
    return gradients;
  }
}
