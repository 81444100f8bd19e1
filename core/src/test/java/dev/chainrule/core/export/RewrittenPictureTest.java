package dev.chainrule.core.export;

import static dev.chainrule.core.export.DotAssertions.cluster;
import static dev.chainrule.core.export.DotAssertions.nodeIds;
import static dev.chainrule.core.export.DotAssertions.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.export.ExportOptions.View;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.rewrite.GradientForm;
import dev.chainrule.core.rewrite.Rewriter;
import dev.chainrule.core.rewrite.RewrittenGradients;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The picture of a simplified backward pass: the rewrite keeps names, scopes and gradient passes
 * (Graph.inheriting), so the picture has the same names, clusters and colours as the one of the
 * pass as built.
 */
class RewrittenPictureTest {
  private final TwoLayerNet net = new TwoLayerNet();
  private final RewrittenGradients r = Rewriter.standard().gradients(net.loss,
      List.of(net.w1, net.b1, net.w2, net.b2), GradientForm.PER_SAMPLE);
  private final String dot = GraphExport.of(r.gradients()).loss(r.loss())
      .options(ExportOptions.defaults().withView(View.BACKWARD)).toDot();

  @Test
  void parameterGradientsKeepTheirNamesAndTheirColours() {
    for (Node w : List.of(net.w1, net.b1, net.w2, net.b2)) {
      Node d = r.gradient(w);
      assertEquals("d" + w.name(), d.name());
      assertTrue(statement(dot, d).contains("<b>d" + w.name() + "</b>"), statement(dot, d));
      assertTrue(statement(dot, d).contains("fillcolor=\"#d5f0d5\""), "green: " + d.name());
    }
  }

  @Test
  void namedAdjointsAndEveryGradientNodeSitInTheBackwardCluster() {
    List<Integer> backward = nodeIds(cluster(dot, "backward pass"));
    for (Node forward : List.of(net.z2, net.a1)) {
      Node adjoint = r.adjoint(forward);
      assertNotNull(adjoint, "d" + forward.name());
      assertEquals("d" + forward.name(), adjoint.name());
      assertTrue(backward.contains(adjoint.id()), adjoint.name() + " in the backward cluster");
    }
    for (int id : nodeIds(dot)) {
      assertEquals(r.graph().node(id).isGradient(), backward.contains(id),
          r.graph().node(id).name() + ": in the backward cluster exactly when a gradient");
    }
  }

  @Test
  void reusedForwardValuesKeepTheirScopes() {
    // dW[2] = dZ[2]·A[1]ᵀ reads A[1], built in scope layer1; dW[1] reads X, built outside.
    Node a1 = r.get(net.a1);
    assertTrue(nodeIds(cluster(dot, "layer1")).contains(a1.id()), "A[1] inside layer1");
    assertTrue(statement(dot, a1).contains("dotted"), "A[1] drawn as reused context");
    assertTrue(dot.indexOf(statement(dot, r.get(net.x))) < dot.indexOf("subgraph"),
        "X at the root, before every cluster");
  }
}
