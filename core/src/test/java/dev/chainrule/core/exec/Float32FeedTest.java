package dev.chainrule.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.graph.DTypeException;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Feeds of another dtype than their input's: refused by name, or converted when asked. */
class Float32FeedTest {
  @Test
  void aFloat64FeedOfAFloat32InputIsRefusedNamingBothDTypes() {
    Graph g = new Graph(DType.FLOAT32);
    Node x = g.input("X", 2, 2);
    Plan plan = Plan.compile(x.tanh());
    FeedException e = assertThrows(FeedException.class,
        () -> plan.run(Feeds.of(x, Tensor.ones(2, 2))));
    String m = e.getMessage();
    assertTrue(m.startsWith("input X is float32 (its graph computes in float32) but was fed a "
        + "float64 tensor of shape (2, 2)"), m);
    assertTrue(m.contains("Feeds.converting()"), m);
    assertTrue(m.contains("Float32FeedTest.java"), "where X was declared: " + m);
  }

  @Test
  void aFloat32FeedOfAFloat64InputIsRefused() {
    Graph g = new Graph();
    Node x = g.input("X", 1, 3);
    Plan plan = Plan.compile(x.exp());
    FeedException e = assertThrows(FeedException.class,
        () -> plan.run(Feeds.of(x, Tensor.ofFloats(new float[] {1, 2, 3}, 1, 3))));
    assertTrue(e.getMessage().contains("input X is float64 (its graph computes in float64) but "
        + "was fed a float32 tensor"), e.getMessage());
  }

  @Test
  void convertingFeedsRoundAFloat64ValueToTheInputsDType() {
    Graph g = new Graph(DType.FLOAT32);
    Node x = g.input("X", 1, 3);
    Node y = x.mul(3);
    double[] v = {0.1, 1.0 / 3, -2.5e-3};
    Tensor got = Plan.compile(y).run(Feeds.converting().with(x, Tensor.row(v))).get(y);
    assertEquals(DType.FLOAT32, got.dtype());
    for (int i = 0; i < v.length; i++) {
      float expected = (float) v[i] * 3f;
      assertEquals(expected, got.floatBuffer()[i], 0f, "element " + i);
    }
  }

  @Test
  void aNonFiniteFloat32FeedIsRefused() {
    Graph g = new Graph(DType.FLOAT32);
    Node x = g.input("X", 1, 2);
    Plan plan = Plan.compile(x.neg());
    FeedException e = assertThrows(FeedException.class,
        () -> plan.run(Feeds.of(x, Tensor.ofFloats(new float[] {1, Float.NaN}, 1, 2))));
    assertTrue(e.getMessage().contains("input X was fed NaN at flat index 1"), e.getMessage());
  }

  @Test
  void holdingAValueOfAnotherDTypeIsRefused() {
    Node x = new Graph(DType.FLOAT32).input("X", 1, 2);
    DTypeException e = assertThrows(DTypeException.class, () -> x.hold(Tensor.row(1, 2)));
    assertTrue(e.getMessage().startsWith("input X is float32 but was given a float64 value"),
        e.getMessage());
  }
}
