package dev.chainrule.core.export;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.export.ExportOptions.View;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The legend of the collapsed ("layers") picture explains the 3D boxes it draws and no others: a
 * graph built without name scopes has no layer box, so no layer row.
 */
class LayerLegendTest {
  private static String layers(boolean scoped, View view) {
    Graph g = new Graph();
    Node x = g.input("X", Tensor.matrix(new double[] {0.5, -1.2}, new double[] {2.0, 0.1}));
    Node w = g.parameter("W", Tensor.matrix(new double[] {0.1, -0.2}));
    Node a;
    if (scoped) {
      try (Graph.Scope layer = g.scope("dense")) {
        a = w.matmul(x).tanh().named("A");
      }
    } else {
      a = w.matmul(x).tanh().named("A");
    }
    Node j = a.square().mean().named("J");
    List<Node> targets = new ArrayList<>(List.of(j));
    if (view != View.FORWARD) {
      targets.addAll(Autodiff.grad(j, w));
    }
    return GraphExport.of(targets).options(ExportOptions.defaults().withView(view)
        .withCollapsedScopes(true)).toDot();
  }

  @Test
  void aGraphWithoutScopesHasNoLayerRow() {
    String dot = layers(false, View.FORWARD);
    assertTrue(dot.contains("cluster_legend"), "the legend is drawn");
    assertFalse(dot.contains("3D box"), dot);
  }

  @Test
  void aScopedGraphExplainsItsLayerBoxes() {
    assertTrue(layers(true, View.FORWARD).contains(
        ">3D box: one name scope (layer), collapsed<"));
  }

  @Test
  void aCollapsedBackwardPassIsExplainedAsSuch() {
    assertTrue(layers(false, View.BOTH).contains(">3D box: the backward pass, collapsed<"));
    assertTrue(layers(true, View.BOTH).contains(
        ">3D box: one name scope (layer), or the backward pass, collapsed<"));
  }
}
