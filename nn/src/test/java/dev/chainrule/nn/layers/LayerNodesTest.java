package dev.chainrule.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The naming, scoping, sizes and state bookkeeping the layers share. */
class LayerNodesTest {
  private static final Tensor X = Tensor.row(1, -2, 3);

  @Test
  void activationBuildsInTheLayersScopeAndNamesTheOutputA() {
    Graph g = new Graph();
    Node x = g.input("X", X);
    Flatten layer = new Flatten(4, Shape.of(3), Layout.ROW);
    LayerOutput out = LayerNodes.activation(layer, x, in -> in.mul(2.0));
    assertSame(out.z(), out.a());
    assertEquals("A[4]", out.a().name());
    assertEquals("flatten4", out.a().scope());
    assertArrayEquals(new double[] {2, -4, 6}, out.a().value().toArray(), 0.0);
  }

  /** Row layout: Z = x·W + b = (1, 1)·[[1, 2], [3, 4]] + (0.5, −0.5) = (4.5, 5.5) by hand. */
  @Test
  void affineNamesItsParametersAndZInTheLayersScope() {
    Graph g = new Graph();
    Node x = g.input("X", Tensor.row(1, 1));
    Tensor w = Tensor.matrix(new double[] {1, 2}, new double[] {3, 4});
    Tensor b = Tensor.row(0.5, -0.5);
    Dense layer = new Dense(2, Layout.ROW, Activation.tanh(), w, b);
    LayerOutput out = LayerNodes.affine(layer, 2, x, w, b, Activation.tanh(), Layout.ROW,
        (weights, in) -> in.matmul(weights));
    assertEquals("Z[2]", out.z().name());
    assertEquals("layer2", out.z().scope());
    assertArrayEquals(new double[] {4.5, 5.5}, out.z().value().toArray(), 1e-15);
    assertArrayEquals(new double[] {Math.tanh(4.5), Math.tanh(5.5)}, out.a().value().toArray(),
        1e-15);
    Node product = out.z().inputs().get(0);
    assertEquals(List.of("X", "W[2]"), product.inputs().stream().map(Node::name).toList());
    assertEquals("b[2]", out.z().inputs().get(1).name());
  }

  /** relu(1, −2, 3) = (1, 0, 3) by hand; the identity leaves Z as the output. */
  @Test
  void activatedAppliesTheActivationOrKeepsZ() {
    Graph g = new Graph();
    Node z = g.input("Z", X);
    LayerOutput relu = LayerNodes.activated(2, z, Activation.relu(), Layout.ROW);
    assertSame(z, relu.z());
    assertEquals("A[2]", relu.a().name());
    assertArrayEquals(new double[] {1, 0, 3}, relu.a().value().toArray(), 0.0);
    LayerOutput identity = LayerNodes.activated(2, z, Activation.identity(), Layout.ROW);
    assertSame(z, identity.z());
    assertSame(z, identity.a());
  }

  @Test
  void weightsAndBiasesAreNamedByTheLayersIndexInOrder() {
    Tensor w = Tensor.zeros(2, 3);
    Tensor b = Tensor.zeros(2, 1);
    List<Parameter> p = LayerNodes.weightsAndBiases(7, w, b);
    assertEquals(2, p.size());
    assertEquals("W[7]", p.get(0).name());
    assertSame(w, p.get(0).value());
    assertEquals("b[7]", p.get(1).name());
    assertSame(b, p.get(1).value());
  }

  @Test
  void stateUpdatesAreKeptPerGraphInOrderAndReadAsCopies() {
    StateUpdates updates = new StateUpdates();
    Graph first = new Graph();
    Graph second = new Graph();
    Node a = first.input("a", X);
    Node b = first.input("b", X);
    StateUpdate ua = new StateUpdate(a, t -> { });
    StateUpdate ub = new StateUpdate(b, t -> { });
    updates.add(first, ua);
    updates.add(first, ub, ua);
    assertEquals(List.of(ua, ub, ua), updates.of(first));
    assertEquals(List.of(), updates.of(second));
    assertThrows(UnsupportedOperationException.class, () -> updates.of(first).clear());
  }

  /** A (2, 4, 4) image has 32 elements; 2×2 windows at stride 2 leave (2, 2, 2), 8. */
  @Test
  void shapedLayersCountTheirSampleAndHaveNoParametersUnlessTheySaySo() {
    Shape image = Shape.of(2, 4, 4);
    ShapedLayer flatten = new Flatten(3, image, Layout.ROW);
    assertEquals(3, flatten.index());
    assertEquals(32, flatten.inputSize());
    assertEquals(32, flatten.outputSize());
    assertEquals(List.of(), flatten.parameters());
    ShapedLayer pool = new Pool2d(5, Pool2d.Kind.MAX, image, 2, 2,
        dev.chainrule.core.tensor.Window2d.of(2, 0, 1));
    assertEquals(32, pool.inputSize());
    assertEquals(8, pool.outputSize());
    assertEquals(List.of("γ[1]", "β[1]"), new BatchNorm(1, image).parameters().stream()
        .map(Parameter::name).toList());
  }

  @Test
  void oneImageIsABatchOfOneOrAnErrorNamingTheLayer() {
    assertEquals(Shape.of(1, 3, 28, 20), LayerShapes.oneImage(2, "conv", Shape.of(3, 28, 20)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LayerShapes.oneImage(2, "pooling", Shape.of(784)));
    assertTrue(e.getMessage().startsWith("pooling layer 2 takes images, (channels, height, "
        + "width) per sample, got (784,)"), e.getMessage());
  }
}
