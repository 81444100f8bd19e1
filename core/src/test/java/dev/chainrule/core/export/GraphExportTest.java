package dev.chainrule.core.export;

import static dev.chainrule.core.export.DotAssertions.cluster;
import static dev.chainrule.core.export.DotAssertions.edge;
import static dev.chainrule.core.export.DotAssertions.edges;
import static dev.chainrule.core.export.DotAssertions.nodeIds;
import static dev.chainrule.core.export.DotAssertions.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.export.ExportOptions.ValueDisplay;
import dev.chainrule.core.export.ExportOptions.View;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What the pictures of a small hand-checked network contain, view by view. */
class GraphExportTest {
  private final TwoLayerNet net = new TwoLayerNet();

  private String dot(View view, List<Node> targets) {
    return GraphExport.of(targets).gradients(net.grads)
        .options(ExportOptions.defaults().withView(view)).toDot();
  }

  @Test
  void forwardViewDrawsExactlyTheForwardAncestorsOfTheLoss() {
    String dot = dot(View.FORWARD, List.of(net.loss));
    // X Y W[1] b[1] W[2] b[2], W[1]·X, Z[1], A[1], W[2]·A[1], Z[2], A[2], −, ², mean, L:
    // 16 nodes; the literal 0.5 is written inside L's label instead.
    assertEquals(16, nodeIds(dot).size(), dot);
    assertEquals(Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16),
        Set.copyOf(nodeIds(dot)));
    assertTrue(statement(dot, net.loss).contains("∘ 0.5"), "literal written into L's label");
    assertFalse(dot.contains("backward pass"), "no backward cluster in the forward view");
  }

  @Test
  void bothViewPutsEveryGradientNodeInTheBackwardClusterAndNoForwardNode() {
    String dot = dot(View.BOTH, net.gradientsAndLoss());
    String backward = cluster(dot, "backward pass");
    for (Node n : net.g.nodes()) {
      boolean declared = nodeIds(dot).contains(n.id());
      boolean inside = nodeIds(backward).contains(n.id());
      if (declared) {
        assertEquals(n.isGradient(), inside, n.name() + " inside the backward cluster");
      }
    }
    assertTrue(nodeIds(cluster(dot, "layer1")).containsAll(List.of(net.z1.id(), net.a1.id())));
    assertTrue(nodeIds(cluster(dot, "layer2")).containsAll(List.of(net.z2.id(), net.a2.id())));
  }

  @Test
  void theBackwardPassIsLinkedToTheForwardValuesItReuses() {
    String dot = dot(View.BOTH, net.gradientsAndLoss());
    Node dw2 = net.grad(2);
    Node dw1 = net.grad(0);
    // dW[2] = dZ[2]·A[1]ᵀ reuses A[1]; dW[1] = dZ[1]·Xᵀ reuses X; both as the B operand.
    assertEquals("[color=\"#2f78c4\", style=dashed, label=\"B\"]", edge(dot, net.a1, dw2));
    assertEquals("[color=\"#2f78c4\", style=dashed, label=\"B\"]", edge(dot, net.x, dw1));
    Node dz2 = dw2.inputs().get(0);
    assertEquals("dZ[2]", dz2.name());
    assertEquals("[color=\"#8e44ad\", label=\"A\"]", edge(dot, dz2, dw2));
    Node seed = net.grads.adjoint(net.loss);
    assertTrue(edge(dot, net.loss, seed).contains("style=dotted"), "loss linked to its seed");
  }

  @Test
  void rolesAreStyledApart() {
    String dot = dot(View.BOTH, net.gradientsAndLoss());
    assertTrue(statement(dot, net.x).contains("fillcolor=\"#dbeafe\""), "input");
    assertTrue(statement(dot, net.w1).contains("fillcolor=\"#fff1c9\""), "parameter");
    assertTrue(statement(dot, net.loss).contains("fillcolor=\"#fbd5d5\""), "loss");
    for (int k = 0; k < 4; k++) {
      assertTrue(statement(dot, net.grad(k)).contains("fillcolor=\"#d5f0d5\""),
          net.grad(k).name() + " is a parameter's gradient");
      assertTrue(statement(dot, net.grad(k)).contains("dashed"), "gradient border dashed");
    }
    Node dz2 = net.grad(2).inputs().get(0);
    assertTrue(statement(dot, dz2).contains("fillcolor=\"#f3e8fb\""), "other gradient");
    String legend = cluster(dot, "legend");
    for (String words : List.of("input, fed at run time", "parameter, trained", "loss",
        "gradient of a parameter", "forward value reused by the backward pass")) {
      assertTrue(legend.contains(words), "legend explains " + words);
    }
    assertFalse(legend.contains("constant<"), "the legend lists only what is drawn");
  }

  @Test
  void backwardViewDrawsGradientsWithTheReusedForwardValuesAsFadedContext() {
    String dot = dot(View.BACKWARD, net.grads.list());
    assertTrue(statement(dot, net.a1).contains("dotted"), "A[1] drawn as reused context");
    assertTrue(statement(dot, net.loss).contains("#f4f4f4"), "the loss as context, for its seed");
    assertFalse(nodeIds(dot).contains(net.z2.inputs().get(0).id()),
        "W[2]·A[1] is not reused by the backward pass, so it is not drawn");
    for (int[] e : edges(dot)) {
      assertTrue(net.g.node(e[1]).isGradient(), "every edge ends in the backward part: " + e[1]);
    }
  }

  @Test
  void parameterGradientsAreRecognisedByNameWithoutTheGradientsObject() {
    String dot = GraphExport.of(net.grads.list()).toDot();
    assertTrue(statement(dot, net.grad(2)).contains("#d5f0d5"), "dW[2] highlighted");
  }

  @Test
  void edgesComeInConsumerOrderAndTheTextIsTheSameOnEveryRun() {
    String dot = dot(View.BOTH, net.gradientsAndLoss());
    List<Integer> consumers = dot.lines().filter(l -> l.matches("  n\\d+ -> n\\d+.*"))
        .filter(l -> !l.contains("invis") && !l.contains("dotted"))
        .map(l -> Integer.parseInt(l.replaceAll(".*-> n(\\d+).*", "$1"))).toList();
    // 15 forward edges; 25 backward: one per operand of the 16 gradient operations (ReLU's
    // where(1(Z > 0), dA, 0) has three), literals that scale a product written inline and so
    // without an edge
    assertEquals(40, consumers.size(), "data-flow edges");
    for (int i = 1; i < consumers.size(); i++) {
      assertTrue(consumers.get(i - 1) <= consumers.get(i), "edges sorted by consumer: "
          + consumers);
    }
    TwoLayerNet other = new TwoLayerNet();
    String fresh = GraphExport.of(other.gradientsAndLoss()).gradients(other.grads).toDot();
    assertEquals(dot, fresh, "a second, identical network gives identical text");
  }

  @Test
  void literalsCanBeDrawnAsSmallNodesInstead() {
    String dot = GraphExport.of(net.loss).options(ExportOptions.defaults()
        .withView(View.FORWARD).withInlineLiterals(false)).toDot();
    Node half = net.loss.inputs().get(1);
    assertTrue(half.isLiteral());
    assertTrue(statement(dot, half).contains("label=\"0.5\", shape=plaintext"), dot);
    assertEquals("", edge(dot, half, net.loss));
  }

  @Test
  void valuesAreShownAsComputedByHand() {
    String dot = GraphExport.of(net.loss).gradients(net.grads).options(ExportOptions.defaults()
        .withView(View.FORWARD).withValues(ValueDisplay.VALUES)).toDot();
    // Z[1] = W[1]·X + b[1] = [[0.5·1 − 1·0, 0.5·2 − 1·1], [1, 2]] + [[0], [1]]
    //      = [[0.5, 0], [2, 3]]
    String z1 = statement(dot, net.z1);
    assertTrue(z1.contains("[0.5, 0]</font><br/>") && z1.contains("[2, 3]</font>"), z1);
    // Z[2] = [1, −1]·A[1] = [0.5 − 2, 0 − 3] = [−1.5, −3]
    assertTrue(statement(dot, net.z2).contains("[−1.5, −3]"), statement(dot, net.z2));
    // A[2] = σ(Z[2]) = [0.18243, 0.047426]; L = 0.5·mean((A[2] − Y)²)
    double s1 = 1 / (1 + Math.exp(1.5));
    double s2 = 1 / (1 + Math.exp(3));
    double loss = 0.5 * ((s1 - 1) * (s1 - 1) + s2 * s2) / 2;
    assertTrue(statement(dot, net.a2).contains("[0.18243, 0.047426]"), statement(dot, net.a2));
    assertTrue(statement(dot, net.loss).contains("= " + String.format("%.5g", loss)
        .replaceAll("0+$", "")), statement(dot, net.loss) + " vs " + loss);
    // dL/dZ[2] = (A[2] − Y)∘A[2]∘(1 − A[2])/2, shown on Z[2] in the forward view
    double g1 = (s1 - 1) * s1 * (1 - s1) / 2;
    assertTrue(statement(dot, net.z2).contains("grad [" + ValueText.number(g1)), "gradient of "
        + "Z[2] " + g1 + ": " + statement(dot, net.z2));
  }

  @Test
  void aValueWithNaNIsFlaggedInRed() {
    Graph g = new Graph();
    Node x = g.input("x", Tensor.row(-1, 4));
    Node r = x.sqrt().named("r");
    String dot = GraphExport.of(r).options(ExportOptions.defaults()
        .withValues(ValueDisplay.VALUES)).toDot();
    assertTrue(statement(dot, r).contains("color=\"#c62828\">[NaN, 2]"), statement(dot, r));
    assertTrue(statement(dot, r).contains("1 NaN of 2"), statement(dot, r));
  }

  @Test
  void collapsedViewDrawsOneBoxPerLayerWithTheValuesCrossingBetween() {
    String dot = GraphExport.of(net.loss).options(ExportOptions.defaults().withView(View.FORWARD)
        .withCollapsedScopes(true)).toDot();
    assertTrue(dot.contains("g1 [label=<<b>layer1</b><br/>3 operations<br/>"), dot);
    assertTrue(dot.contains("parameters: W[1] (2, 2), b[1] (2, 1)"), dot);
    assertTrue(dot.contains("g1 -> g2 [label=\"A[1]\"];"), dot);
    assertTrue(dot.contains("g2 -> n12 [label=\"A[2]\"];"), "the loss's ops stay nodes: " + dot);
    assertTrue(dot.contains("n0 -> g1;"), "X feeds layer1");
    Set<String> boxes = new TreeSet<>();
    dot.lines().filter(l -> l.contains("shape=box3d")).forEach(l -> boxes.add(l.trim()
        .substring(0, 2)));
    assertEquals(Set.of("g1", "g2"), boxes);
  }

  @Test
  void errorsSayWhatIsMissing() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GraphExport.of(net.loss).options(ExportOptions.defaults()
            .withView(View.BACKWARD)).toDot());
    assertTrue(e.getMessage().contains("backward view of L has no node to draw"), e.getMessage());
    Graph g = new Graph();
    Node x = g.input("x", 2);
    Node y = x.exp().named("y");
    IllegalArgumentException v = assertThrows(IllegalArgumentException.class,
        () -> GraphExport.of(y).options(ExportOptions.defaults()
            .withValues(ValueDisplay.VALUES)).toDot());
    assertTrue(v.getMessage().startsWith("cannot show values in the picture: input x"),
        v.getMessage());
    Node other = new Graph().input("z", 1);
    assertThrows(IllegalArgumentException.class, () -> GraphExport.of(y, other));
  }
}
