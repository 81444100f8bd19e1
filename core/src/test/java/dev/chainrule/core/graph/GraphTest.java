package dev.chainrule.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Graph bookkeeping: creation order, ids, kinds, scopes, names. */
class GraphTest {
  private final Graph g = new Graph();

  @Test
  void nodesAreKeptInCreationOrderWhichIsTopological() {
    Node x = g.input("X", 2, 3);
    Node w = g.parameter("W", Tensor.ones(4, 2));
    Node z = w.matmul(x).named("Z[1]");
    assertEquals(List.of(x, w, z), g.nodes());
    assertEquals(3, g.size());
    assertSame(z, g.node(2));
    for (Node n : g.nodes()) {
      for (Node in : n.inputs()) {
        assertTrue(in.id() < n.id(), in + " before " + n);
      }
    }
    assertThrows(UnsupportedOperationException.class, () -> g.nodes().add(x));
    assertEquals("Z[1] = matmul (4, 3)", z.toString());
    assertEquals("X = input (2, 3)", x.toString());
  }

  /** As NumPy's {@code x.transpose()} and {@code x.T}: no permutation reverses the axes. */
  @Test
  void transposeWithoutAPermutationReversesTheAxes() {
    Node column = g.input("x", Tensor.of(new double[] {1, 2, 3}, 3, 1));
    Node row = column.transpose();
    assertEquals(Shape.of(1, 3), row.shape());
    assertEquals(Tensor.row(1, 2, 3), row.value());
    Node cube = g.input("c", 2, 3, 4);
    assertEquals(Shape.of(4, 3, 2), cube.transpose().shape());
    assertEquals(cube.T().shape(), cube.transpose().shape());
  }

  @Test
  void kindsAndStoredValues() {
    Tensor value = Tensor.ones(2);
    Node p = g.parameter("W", value);
    Node c = g.constant("C", Tensor.zeros(2));
    Node two = g.scalar(2);
    Node x = g.input("X", 2);
    assertTrue(p.isParameter() && c.isConstant() && two.isConstant() && x.isInput());
    assertSame(value, p.storedValue(), "a parameter holds the caller's tensor, live");
    assertTrue(two.isLiteral() && !c.isLiteral());
    assertEquals("2", two.name());
    assertEquals(null, x.storedValue());
    assertEquals(NodeKind.OPERATION, p.add(x).kind());
    assertEquals(Shape.of(2), p.add(x).shape());
  }

  @Test
  void scopesNestAndEndWhenClosed() {
    Node x = g.input("X", 2);
    Node inLayer;
    Node inner;
    try (Graph.Scope layer = g.scope("dense1")) {
      inLayer = x.tanh();
      try (Graph.Scope act = g.scope("act")) {
        inner = inLayer.relu();
      }
    }
    Node after = x.exp();
    assertEquals("", x.scope());
    assertEquals("dense1", inLayer.scope());
    assertEquals("dense1/act", inner.scope());
    assertEquals("", after.scope());
  }

  @Test
  void forwardNodesAreNotGradients() {
    Node x = g.input("X", 2);
    assertFalse(x.exp().isGradient());
    assertEquals(0, x.exp().gradientPass());
    try (Graph.Scope pass = g.openGradientPass()) {
      Node d = x.neg();
      assertTrue(d.isGradient());
      assertEquals(1, d.gradientPass());
    }
    assertFalse(x.sqrt().isGradient());
  }
}
