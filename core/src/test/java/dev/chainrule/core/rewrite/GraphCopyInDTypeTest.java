package dev.chainrule.core.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ops.Cast;
import dev.chainrule.core.print.FormulaPrinter;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link GraphCopy#inDType}: the float64 copy of a float32 graph holds the float32 numbers (widened
 * exactly), keeps every node's name and user line, computes in float64 throughout (casts included)
 * and leaves the original's tensors alone; and the rewriter folds the constants of a float32 graph.
 */
class GraphCopyInDTypeTest {
  private final Graph g = new Graph(DType.FLOAT32);
  private final Node w = g.parameter("w", Tensor.ofFloats(new float[] {0.1f, -2.5f}, 2));
  private final Node x = g.input("x", 2);
  private final Node c = g.constant("c", Tensor.ofFloats(new float[] {1f / 3, 3f}, 2));
  private final Node y = w.mul(x).add(c).mul(0.1).named("y");

  @Test
  void theFloat64CopyHoldsTheSameNumbersAndNamesAndLines() {
    Rewritten copy = GraphCopy.inDType(List.of(y), DType.FLOAT64);
    Node y64 = copy.get(y);
    assertEquals(DType.FLOAT64, copy.graph().dtype());
    for (Node n : copy.graph().nodes()) {
      assertEquals(DType.FLOAT64, n.dtype(), n.name());
    }
    assertEquals("y", y64.name());
    assertEquals(y.site(), y64.site(), "the copy points at the user's line");
    assertEquals(w.site(), copy.get(w).site());
    assertEquals(FormulaPrinter.unicode().expression(y), FormulaPrinter.unicode().expression(y64));
    assertNotSame(w.storedValue(), copy.get(w).storedValue(), "a converted parameter is a copy");

    float[] xs = {0.7f, 1.3f};
    Tensor got = Plan.compile(y64).run(copy.feeds(Feeds.of(x, Tensor.ofFloats(xs, 2)))).get(y64);
    double[] expected = new double[2];
    double[] ws = {0.1f, -2.5f};
    double[] cs = {1f / 3, 3f};
    for (int i = 0; i < 2; i++) {
      expected[i] = (ws[i] * (double) xs[i] + cs[i]) * (double) 0.1f;
    }
    assertEquals(Tensor.of(expected, 2), got, "float64 arithmetic on the float32 numbers");
  }

  @Test
  void aFloat64FeedOfAFloat32InputIsRoundedAsTheModelWouldSeeIt() {
    Rewritten copy = GraphCopy.inDType(List.of(y), DType.FLOAT64);
    Feeds f = copy.feeds(Feeds.converting().with(x, Tensor.of(new double[] {0.1, 0.2}, 2)));
    assertEquals(Tensor.of(new double[] {0.1f, 0.2f}, 2), f.get(copy.get(x)));
  }

  @Test
  void castsBecomeCastsToTheCopysDType() {
    Graph mixed = new Graph();
    Node a = mixed.parameter("a", Tensor.of(new double[] {1 + 1e-12, 2}, 2));
    Node island = a.cast(DType.FLOAT32).exp().named("island");
    Node back = island.cast(DType.FLOAT64).sum().named("back");
    assertTrue(!GraphCopy.computesIn(List.of(back), DType.FLOAT64), "the island is float32");
    Rewritten copy = GraphCopy.inDType(List.of(back), DType.FLOAT64);
    assertTrue(GraphCopy.computesIn(List.of(copy.get(back)), DType.FLOAT64));
    assertEquals(new Cast(DType.FLOAT64), copy.get(island).inputs().get(0).op());
    assertSame(a.storedValue(), copy.get(a).storedValue(), "a float64 parameter is shared");
    double expected = Math.exp(1 + 1e-12) + Math.exp(2);
    assertEquals(expected, Plan.compile(copy.get(back)).run(Feeds.none()).scalar(copy.get(back)),
        1e-15 * expected, "no float32 rounding in the copy");
  }

  @Test
  void theRewriterFoldsAUniformFloat32Constant() {
    Node ones = g.constant("ones", Tensor.ofFloats(new float[] {1f, 1f}, 2));
    Node out = x.mul(ones).named("out");
    Rewritten r = Rewriter.standard().rewrite(out);
    assertEquals("x", FormulaPrinter.unicode().expression(r.targets().get(0)));
    assertEquals(DType.FLOAT32, r.targets().get(0).dtype());
  }
}
