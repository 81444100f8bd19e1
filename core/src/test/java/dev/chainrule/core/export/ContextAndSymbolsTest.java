package dev.chainrule.core.export;

import static dev.chainrule.core.export.DotAssertions.edge;
import static dev.chainrule.core.export.DotAssertions.nodeIds;
import static dev.chainrule.core.export.DotAssertions.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.export.ExportOptions.View;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pictures that stop at given nodes (a hand formula over a network's values) and named numbers. */
class ContextAndSymbolsTest {
  private final TwoLayerNet net = new TwoLayerNet();

  @Test
  void aFormulaIsDrawnDownToTheNetworkValuesItReadsAndNoFurther() {
    List<Node> network = List.copyOf(net.g.nodes().subList(0, net.loss.id() + 1));
    Node dz2 = net.a2.sub(net.y);
    Node dw2 = dz2.matmul(false, net.a1, true);
    String dot = GraphExport.of(dw2).stopAt(network)
        .options(ExportOptions.defaults().withView(View.FORWARD)).toDot();
    // The two operations of (A[2] − Y)·A[1]ᵀ, and the three values they read: A[2], Y, A[1].
    assertEquals(Set.of(dz2.id(), dw2.id(), net.a2.id(), net.y.id(), net.a1.id()),
        Set.copyOf(nodeIds(dot)));
    for (Node context : List.of(net.a2, net.y, net.a1)) {
      assertTrue(statement(dot, context).contains("style=\"rounded,filled,dotted\""),
          context.name() + " is drawn faded");
    }
    assertTrue(dot.contains("value computed elsewhere, drawn as context"), "legend line");
    assertEquals("", edge(dot, net.a2, dz2), "a plain data-flow edge from the context");
    assertTrue(nodeIds(DotAssertions.cluster(dot, "layer1")).contains(net.a1.id()),
        "context keeps its scope");
  }

  @Test
  void aTargetInTheStopSetIsStillDrawnWithItsAncestors() {
    String dot = GraphExport.of(net.a1).stopAt(Set.of(net.a1, net.z1))
        .options(ExportOptions.defaults().withView(View.FORWARD)).toDot();
    // A[1] is a target, so drawn normally; the picture stops at Z[1], which it reads.
    assertEquals(Set.of(net.a1.id(), net.z1.id()), Set.copyOf(nodeIds(dot)));
    assertFalse(statement(dot, net.a1).contains("dotted"));
    assertTrue(statement(dot, net.z1).contains("dotted"));
  }

  @Test
  void aNodeOfAnotherGraphCannotBeAStop() {
    Node other = new Graph().input("X", 1);
    assertThrows(IllegalArgumentException.class,
        () -> GraphExport.of(net.loss).stopAt(List.of(other)));
  }

  @Test
  void literalsEqualToASymbolOrItsReciprocalAreWrittenByName() {
    Graph g = new Graph();
    Node x = g.input("x", Tensor.row(1, 2));
    Node scaled = x.mul(0.125).named("s");
    Node divided = x.div(8).named("d");
    Node negative = x.mul(-8).named("n");
    Node other = x.mul(3).named("o");
    String dot = GraphExport.of(scaled, divided, negative, other).options(ExportOptions.defaults()
        .withView(View.FORWARD).withSymbol("m", 8)).toDot();
    assertTrue(statement(dot, scaled).contains("∘ (1/m)"), statement(dot, scaled));
    assertTrue(statement(dot, divided).contains("/ m"), statement(dot, divided));
    assertTrue(statement(dot, negative).contains("∘ −m"), statement(dot, negative));
    assertTrue(statement(dot, other).contains("∘ 3"), statement(dot, other));
    String plain = GraphExport.of(scaled).options(ExportOptions.defaults()
        .withView(View.FORWARD)).toDot();
    assertTrue(statement(plain, scaled).contains("∘ 0.125"), "no symbol, the number");
  }

  @Test
  void aSymbolNeedsANameAndANonZeroValue() {
    ExportOptions o = ExportOptions.defaults();
    assertThrows(IllegalArgumentException.class, () -> o.withSymbol("", 8));
    assertThrows(IllegalArgumentException.class, () -> o.withSymbol("m", 0));
    assertThrows(IllegalArgumentException.class, () -> o.withSymbol("m", Double.NaN));
  }
}
