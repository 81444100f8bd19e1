package dev.chainrule.nn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.Generators;
import dev.chainrule.nn.data.Scaler;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Dense;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.train.Inference;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequentialTest {
  private static Sequential seed004(long seed) {
    return Sequential.builder(Layout.COLUMN, 3).dense(4, Activation.tanh())
        .dense(1, Activation.sigmoid()).seed(seed).build();
  }

  @Test
  void parametersInLayerOrderWithSeedNames() {
    List<String> names = seed004(1).parameters().stream().map(Parameter::name).toList();
    assertEquals(List.of("W[1]", "b[1]", "W[2]", "b[2]"), names);
    assertEquals(4 * 3 + 4 + 4 + 1, seed004(1).parameterCount());
    assertEquals("3-4-1", seed004(1).architecture().orElseThrow().widths());
  }

  @Test
  void seedDecidesTheInitialValues() {
    assertEquals(seed004(5).parameters(), seed004(5).parameters());
    assertNotEquals(seed004(5).parameters().get(0), seed004(6).parameters().get(0));
    assertEquals(Tensor.zeros(4, 1), seed004(5).layers().get(0).biases());
  }

  @Test
  void graphsOfTwoBatchSizesShareTheLiveTensors() {
    Sequential net = seed004(1);
    Graph g8 = new Graph();
    Graph g3 = new Graph();
    Forward f8 = net.forward(g8.input("X", 3, 8));
    Forward f3 = net.forward(g3.input("X", 3, 3));
    assertEquals(List.of(1, 8), List.of(f8.output().shape().dim(0), f8.output().shape().dim(1)));
    assertEquals(3, f3.batchSize());
    Node w8 = g8.nodes().stream().filter(Node::isParameter).findFirst().orElseThrow();
    Node w3 = g3.nodes().stream().filter(Node::isParameter).findFirst().orElseThrow();
    assertSame(w8.storedValue(), w3.storedValue());
    assertEquals("Z[2]", f8.logits().name());
    assertEquals("A[2]", f8.output().name());
  }

  @Test
  void wrongInputShapeSaysWhatTheModelTakes() {
    Graph g = new Graph();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> seed004(1).forward(g.input("X", 8, 3)));
    assertTrue(e.getMessage().contains("3-4-1 model in the column layout takes (3, m)"),
        e.getMessage());
  }

  @Test
  void layersThatDoNotChainAreRejected() {
    Dense a = new Dense(1, Layout.ROW, Activation.relu(), Tensor.zeros(3, 4),
        Tensor.zeros(1, 4));
    Dense b = new Dense(2, Layout.ROW, Activation.relu(), Tensor.zeros(5, 2),
        Tensor.zeros(1, 2));
    assertThrows(IllegalArgumentException.class, () -> Sequential.of(List.of(a, b)));
    assertEquals(2, Sequential.of(List.of(a, new Dense(2, Layout.ROW, Activation.softmax(),
        Tensor.zeros(4, 2), Tensor.zeros(1, 2)))).outputSize());
  }

  /** The folded model on raw inputs equals the original on standardised inputs. */
  @Test
  void foldedInputScalingGivesTheSameOutputsOnRawInputs() {
    Dataset raw = Generators.blobs(30, 3, 1.0, 2);
    Scaler scaler = Scaler.standard(raw);
    for (Layout layout : Layout.values()) {
      Sequential net = Sequential.builder(layout, 2).dense(5, Activation.tanh())
          .dense(3, Activation.softmax()).weights(Initializers.normal(1))
          .biases(Initializers.normal(1)).seed(3).build();
      List<Tensor> before = net.parameters().stream().map(p -> p.value().copy()).toList();
      Tensor expected = new Inference(net, null).predict(scaler.transform(raw.features()));
      Sequential folded = net.foldInputScaling(scaler);
      Tensor actual = new Inference(folded, null).predict(raw.features());
      assertTrue(expected.maxAbsDifference(actual) < 1e-14, layout + ": "
          + expected.maxAbsDifference(actual));
      assertEquals(before, net.parameters().stream().map(Parameter::value).toList());
    }
  }
}
