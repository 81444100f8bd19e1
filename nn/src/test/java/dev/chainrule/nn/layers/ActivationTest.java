package dev.chainrule.nn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ActivationTest {
  private static Tensor apply(Activation a, Layout layout, Tensor z) {
    Graph g = new Graph();
    Node in = g.input("Z", z);
    return a.apply(in, layout).value();
  }

  @Test
  void valuesAtHandPickedPoints() {
    Tensor z = Tensor.row(-2, 0, 3);
    assertEquals(-2, apply(Activation.identity(), Layout.ROW, z).get(0, 0));
    assertEquals(0.5, apply(Activation.sigmoid(), Layout.ROW, z).get(0, 1), 0);
    assertEquals(1 / (1 + Math.exp(2)), apply(Activation.sigmoid(), Layout.ROW, z).get(0, 0),
        1e-16);
    assertEquals((Math.exp(3) - Math.exp(-3)) / (Math.exp(3) + Math.exp(-3)),
        apply(Activation.tanh(), Layout.ROW, z).get(0, 2), 1e-15);
    Tensor relu = apply(Activation.relu(), Layout.ROW, z);
    assertEquals(0, relu.get(0, 0));
    assertEquals(3, relu.get(0, 2));
    Tensor leaky = apply(Activation.leakyRelu(0.01), Layout.ROW, z);
    assertEquals(-0.02, leaky.get(0, 0), 1e-17);
    assertEquals(3, leaky.get(0, 2));
  }

  /** Softmax runs over each sample's units: rows in the row layout, columns in the column one. */
  @Test
  void softmaxNormalisesEachSampleInEitherLayout() {
    double e0 = Math.exp(0);
    double e1 = Math.exp(1);
    double e2 = Math.exp(2);
    double s = e0 + e1 + e2;
    Tensor rows = apply(Activation.softmax(), Layout.ROW, Tensor.matrix(
        new double[] {0, 1, 2}, new double[] {5, 5, 5}));
    assertEquals(e2 / s, rows.get(0, 2), 1e-15);
    assertEquals(1.0 / 3, rows.get(1, 0), 1e-16);
    Tensor cols = apply(Activation.softmax(), Layout.COLUMN, Tensor.matrix(
        new double[] {0, 5}, new double[] {1, 5}, new double[] {2, 5}));
    assertEquals(e2 / s, cols.get(2, 0), 1e-15);
    assertEquals(1.0 / 3, cols.get(0, 1), 1e-16);
  }

  @Test
  void idsRoundTrip() {
    for (Activation a : new Activation[] {Activation.identity(), Activation.sigmoid(),
        Activation.tanh(), Activation.relu(), Activation.leakyRelu(0.01),
        Activation.leakyRelu(1.0 / 3), Activation.softmax()}) {
      assertEquals(a, Activation.parse(a.id()));
    }
    assertEquals("leaky_relu(0.01)", Activation.leakyRelu(0.01).id());
  }

  @Test
  void unknownNamesAndStraySlopesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Activation.parse("swish"));
    assertThrows(IllegalArgumentException.class, () -> Activation.parse("leaky_relu(x)"));
    assertThrows(IllegalArgumentException.class,
        () -> new Activation(Activation.Kind.RELU, 0.5));
  }
}
