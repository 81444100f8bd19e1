package dev.chainrule.nn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.check.GradCheck;
import dev.chainrule.core.check.GradCheckReport;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.init.RandomSource;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class DenseTest {
  private static final Tensor W = Tensor.matrix(new double[] {0.1, 0.2}, new double[] {0.3, 0.4});
  private static final Tensor B = Tensor.column(0.5, -0.5);
  /** Two samples (1, 3) and (2, 4), one per column. */
  private static final Tensor X = Tensor.matrix(new double[] {1, 2}, new double[] {3, 4});

  /**
   * By hand: Z = W·X + b = [[0.1+0.6+0.5, 0.2+0.8+0.5], [0.3+1.2−0.5, 0.6+1.6−0.5]]
   * = [[1.2, 1.5], [1.0, 1.7]].
   */
  @Test
  void columnLayoutComputesWTimesAPlusB() {
    Graph g = new Graph();
    Dense d = new Dense(1, Layout.COLUMN, Activation.tanh(), W.copy(), B.copy());
    LayerOutput out = d.apply(g.input("X", X));
    double[][] z = {{1.2, 1.5}, {1.0, 1.7}};
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        assertEquals(z[i][j], out.z().value().get(i, j), 1e-15);
        assertEquals(Math.tanh(z[i][j]), out.a().value().get(i, j), 1e-15);
      }
    }
  }

  @Test
  void rowLayoutIsTheTransposeOfTheColumnLayout() {
    Graph g = new Graph();
    Dense row = new Dense(1, Layout.ROW, Activation.sigmoid(), W.transpose(), B.transpose());
    LayerOutput out = row.apply(g.input("X", X.transpose()));
    double[][] z = {{1.2, 1.0}, {1.5, 1.7}};
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        assertEquals(z[i][j], out.z().value().get(i, j), 1e-15);
        assertEquals(1 / (1 + Math.exp(-z[i][j])), out.a().value().get(i, j), 1e-15);
      }
    }
  }

  @Test
  void nodesAreNamedInTheSeedsNotationInsideTheLayerScope() {
    Graph g = new Graph();
    Dense d = new Dense(2, Layout.COLUMN, Activation.relu(), W.copy(), B.copy());
    LayerOutput out = d.apply(g.input("A[1]", X));
    assertEquals("Z[2]", out.z().name());
    assertEquals("A[2]", out.a().name());
    assertEquals("layer2", out.a().scope());
    List<String> params = g.nodes().stream().filter(Node::isParameter).map(Node::name).toList();
    assertEquals(List.of("W[2]", "b[2]"), params);
  }

  @Test
  void parametersAreTheLiveTensorsNotCopies() {
    Tensor w = W.copy();
    Dense d = new Dense(1, Layout.COLUMN, Activation.identity(), w, B.copy());
    assertSame(w, d.parameters().get(0).value());
    Graph g = new Graph();
    d.apply(g.input("X", X));
    Node wNode = g.nodes().stream().filter(Node::isParameter).findFirst().orElseThrow();
    assertSame(w, wNode.storedValue());
  }

  @Test
  void identityActivationReturnsZItself() {
    Graph g = new Graph();
    LayerOutput out = new Dense(1, Layout.ROW, Activation.identity(), W.copy(), B.transpose())
        .apply(g.input("X", X));
    assertSame(out.z(), out.a());
  }

  @Test
  void biasOfTheWrongLayoutIsRejectedWithBothShapes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Dense(1, Layout.ROW, Activation.relu(), W.copy(), B.copy()));
    assertTrue(e.getMessage().contains("b[1] must have shape (1, 2)"), e.getMessage());
    assertTrue(e.getMessage().contains("(2, 1)"), e.getMessage());
  }

  @Test
  void createDrawsShapesFromTheLayout() {
    Dense c = Dense.create(1, Layout.COLUMN, 3, 4, Activation.tanh(), Initializers.normal(0.01),
        Initializers.zeros(), RandomSource.seeded(1));
    assertEquals(List.of(4, 3), List.of(c.weights().shape().dim(0), c.weights().shape().dim(1)));
    assertEquals(List.of(4, 1), List.of(c.biases().shape().dim(0), c.biases().shape().dim(1)));
    Dense r = Dense.create(1, Layout.ROW, 3, 4, Activation.tanh(), Initializers.normal(0.01),
        Initializers.zeros(), RandomSource.seeded(1));
    assertEquals(List.of(3, 4), List.of(r.weights().shape().dim(0), r.weights().shape().dim(1)));
    assertEquals(List.of(1, 4), List.of(r.biases().shape().dim(0), r.biases().shape().dim(1)));
  }

  static List<Object[]> activationsAndLayouts() {
    List<Activation> acts = List.of(Activation.identity(), Activation.sigmoid(), Activation.tanh(),
        Activation.relu(), Activation.leakyRelu(0.1), Activation.softmax());
    List<Object[]> cases = new java.util.ArrayList<>();
    for (Activation a : acts) {
      for (Layout l : Layout.values()) {
        cases.add(new Object[] {a, l});
      }
    }
    return cases;
  }

  /** Reverse mode through every activation in both layouts agrees with central differences. */
  @ParameterizedTest
  @MethodSource("activationsAndLayouts")
  void gradcheckEveryActivationInBothLayouts(Activation act, Layout layout) {
    RandomSource r = RandomSource.seeded(7);
    Dense d = Dense.create(1, layout, 3, 4, act, Initializers.normal(1), Initializers.normal(1),
        r);
    Graph g = new Graph();
    Tensor x = Tensor.zeros(layout.dataShape(3, 5));
    Initializers.normal(1).fillInPlace(x, 1, 1, r);
    Tensor c = Tensor.zeros(layout.dataShape(4, 5));
    Initializers.normal(1).fillInPlace(c, 1, 1, r);
    Node in = g.input("X", x);
    LayerOutput out = d.apply(in);
    Node loss = out.a().mul(g.constant("C", c)).sum();
    List<Node> wrt = g.nodes().stream().filter(Node::isParameter).toList();
    GradCheckReport report = GradCheck.check(loss, List.of(wrt.get(0), wrt.get(1), in),
        Feeds.none());
    assertTrue(report.passes(1e-7), report.toString());
  }
}
