package dev.chainrule.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

class NodeLookupTest {
  @Test
  void findsANodeByTheNameTheUserGaveIt() {
    Graph g = new Graph();
    Node x = g.input("X", 2, 3);
    Node w = g.parameter("W[1]", Tensor.zeros(4, 2));
    Node a = w.matmul(x).tanh().named("A[1]");
    assertSame(a, g.node("A[1]"));
    assertSame(w, g.node("W[1]"));
    assertSame(x, g.node("X"));
  }

  @Test
  void findsAnUnnamedNodeByTheNameFormulasShow() {
    Graph g = new Graph();
    Node x = g.input("x", Tensor.scalar(2));
    Node product = x.mul(x);
    assertEquals("mul_1", product.name(), "the generated name: op and id");
    assertSame(product, g.node("mul_1"));
  }

  @Test
  void aMissingNameListsTheNamedNodes() {
    Graph g = new Graph();
    Node x = g.input("X", 2, 3);
    g.parameter("W[1]", Tensor.zeros(4, 2)).matmul(x).named("Z[1]").tanh();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> g.node("A[1]"));
    assertEquals("no node is named 'A[1]'; the graph's named nodes are X, W[1], Z[1]",
        e.getMessage());
  }

  @Test
  void aLongListOfNamesIsCut() {
    Graph g = new Graph();
    for (int i = 0; i < NodeLookup.NAMES_SHOWN + 5; i++) {
      g.input("x" + i, 1);
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> g.node("y"));
    assertEquals(true, e.getMessage().endsWith(", x39, … and 5 more"), e.getMessage());
  }

  @Test
  void aGraphWithoutNamesSaysSo() {
    Graph g = new Graph();
    g.scalar(1.0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> g.node("J"));
    assertEquals("no node is named 'J'; the graph has no named nodes (name one with "
        + "node.named(\"…\"))", e.getMessage());
  }

  @Test
  void twoNodesOfOneNameAreNamedWithTheirIds() {
    Graph g = new Graph();
    Node x = g.input("x", Tensor.scalar(2));
    Node y = x.square().named("y");
    Autodiff.grad(y, x);
    Autodiff.grad(y, x);
    Node first = g.nodes().stream().filter(n -> n.name().equals("dx")).findFirst().orElseThrow();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> g.node("dx"));
    assertEquals(true, e.getMessage().startsWith("2 nodes are named 'dx' (ids [" + first.id()
        + ", "), e.getMessage());
  }
}
