package dev.chainrule.core.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A copy cut at a node inside a cast island ({@link GraphCopy#cut}): the input that stands for
 * the cut node has that node's dtype, so the copy computes below it as the island did; in a
 * copy converted to one dtype ({@link GraphCopy#cut(List, java.util.Collection, DType)}) it has
 * the copy's dtype. The expected numbers are computed here, in the arithmetic each dtype does.
 */
class GraphCopyCutDTypeTest {
  /** A float64 graph with a float32 island: out = Σ cast64(exp(cast32(a)) ∘ cast32(b)). */
  private final Graph wide = new Graph();
  private final Node a = wide.parameter("a", Tensor.of(new double[] {0.5, -1.5}, 2));
  private final Node b = wide.parameter("b", Tensor.of(new double[] {0.1, 3.3}, 2));
  private final Node island = a.cast(DType.FLOAT32).exp().named("island");
  private final Node out = island.mul(b.cast(DType.FLOAT32)).cast(DType.FLOAT64).named("out");
  private final float[] islandValue = {0.3f, 1.7f};

  @Test
  void aCutInAFloat32IslandIsAFloat32InputAndComputesInFloat() {
    Rewritten copy = GraphCopy.cut(List.of(out), List.of(island));
    Node in = copy.get(island);
    assertTrue(in.isInput());
    assertEquals(DType.FLOAT32, in.dtype(), "the island's dtype, not the graph's");
    Node o = copy.get(out);
    Tensor got = Plan.compile(o).run(Feeds.of(in, Tensor.ofFloats(islandValue, 2))).get(o);
    float[] bs = {(float) 0.1, (float) 3.3};
    double[] expected = new double[2];
    for (int i = 0; i < 2; i++) {
      expected[i] = islandValue[i] * bs[i];
    }
    assertEquals(Tensor.of(expected, 2), got, "float products of the fed floats, widened");
  }

  @Test
  void aConvertedCopyCutsAtAnInputOfItsOwnDType() {
    Rewritten narrow = GraphCopy.cut(List.of(out), List.of(island), DType.FLOAT32);
    assertEquals(DType.FLOAT32, narrow.get(island).dtype());
    Graph g32 = new Graph(DType.FLOAT32);
    Node x = g32.parameter("x", Tensor.ofFloats(new float[] {0.1f, 3.3f}, 2));
    Node scaled = x.cast(DType.FLOAT64).mul(3.0).named("scaled");
    Node y = scaled.mul(scaled).cast(DType.FLOAT32).named("y");
    Rewritten copy = GraphCopy.cut(List.of(y), List.of(scaled), DType.FLOAT64);
    Node in = copy.get(scaled);
    assertEquals(DType.FLOAT64, in.dtype());
    double[] fed = {0.7, 1.9};
    Node y64 = copy.get(y);
    Tensor got = Plan.compile(y64).run(Feeds.of(in, Tensor.of(fed, 2))).get(y64);
    assertEquals(Tensor.of(new double[] {0.7 * 0.7, 1.9 * 1.9}, 2), got, "no float rounding");
  }

  /**
   * A float32 graph with a float64 island that holds numbers a float cannot: big = 10³⁰·x, and
   * y = float32(√(big·big)). Cut at big, the copy must multiply in float64 (in float32, big·big ≈
   * 10⁶⁰ overflows to ∞).
   */
  @Test
  void aCutInAFloat64IslandOfAFloat32GraphKeepsFloat64() {
    Graph g = new Graph(DType.FLOAT32);
    Node x = g.parameter("x", Tensor.ofFloats(new float[] {2f, -3f}, 2));
    Node big = x.cast(DType.FLOAT64).mul(1e30).named("big");
    Node y = big.mul(big).sqrt().cast(DType.FLOAT32).named("y");
    Rewritten copy = GraphCopy.cut(List.of(y), List.of(big));
    Node in = copy.get(big);
    assertEquals(DType.FLOAT64, in.dtype());
    assertEquals(DType.FLOAT32, copy.graph().dtype());
    double[] fed = {2.5e30, -4e30};
    Node y32 = copy.get(y);
    Tensor got = Plan.compile(y32).run(Feeds.of(in, Tensor.of(fed, 2))).get(y32);
    float[] expected = {(float) Math.sqrt(fed[0] * fed[0]), (float) Math.sqrt(fed[1] * fed[1])};
    assertEquals(Tensor.ofFloats(expected, 2), got);
  }
}
