package dev.chainrule.core.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ops.Concat;
import dev.chainrule.core.print.FormulaPrinter;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Samples;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.testing.Close;
import dev.chainrule.core.testing.FiniteDifferences;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The gradient of a split tensor, joined by reverse mode from the gradients of its parts: against
 * central differences (every part used, some unused, two splits of one tensor that overlap, a
 * second derivative through the join), by its structure (one concat of the parts' gradients, with
 * zeros only for the parts that got none) and in a float32 island of a float64 graph, against the
 * gradient written by hand.
 */
class SplitGradientTest {
  private static final double TOLERANCE = 1e-8;

  private final Random random = new Random(2024);
  private final Graph g = new Graph();
  private final Node x = g.parameter("x", Samples.uniform(random, -1, 1, 3, 8));

  /** Returns a different smooth function of each part, summed: sin, square, exp, product. */
  private Node lossOf(List<Node> parts, boolean... used) {
    Node loss = null;
    for (int i = 0; i < parts.size(); i++) {
      if (used.length > 0 && !used[i]) {
        continue;
      }
      Node p = parts.get(i);
      Node c = g.constant("c" + i, Samples.uniform(random, -2, 2, p.shape().dims()));
      Node term = switch (i % 4) {
        case 0 -> p.sin().mul(c);
        case 1 -> p.mul(p).mul(c);
        case 2 -> p.exp().mul(c);
        default -> p.mul(c).mul(p.sin());
      };
      loss = loss == null ? term.sum() : loss.add(term.sum());
    }
    return loss;
  }

  private void assertMatchesDifferences(Node loss, Node dx) {
    Tensor got = Plan.compile(dx).run(Feeds.none()).get(dx).copy();
    Tensor want = FiniteDifferences.gradient(Plan.compile(loss), loss, x.storedValue(),
        Feeds.none(), FiniteDifferences.STEP);
    Close.assertClose("the gradient of " + loss.name() + " by x", got, want, TOLERANCE,
        TOLERANCE);
  }

  @Test
  void theGradientOfFourPartsIsOneConcatOfTheirGradients() {
    List<Node> parts = x.split(1, 1, 3, 2, 2);
    Node loss = lossOf(parts);
    Gradients pass = Autodiff.gradients(loss, List.of(x));
    Node dx = pass.list().get(0);
    assertEquals(new Concat(1), dx.op(), "one concat, no sum of padded gradients");
    assertEquals(4, dx.inputs().size());
    for (int i = 0; i < 4; i++) {
      assertSame(pass.adjoint(parts.get(i)), dx.inputs().get(i), "part " + i + " in its place");
    }
    int firstAfterParts = parts.stream().mapToInt(p -> pass.adjoint(p).id()).max().getAsInt() + 1;
    assertEquals(firstAfterParts, dx.id(), "nothing else is built for x: no zeros, no adds");
    assertEquals(x.shape(), dx.shape());
    assertMatchesDifferences(loss, dx);
  }

  @Test
  void partsWithoutAGradientAreZerosInTheConcat() {
    List<Node> parts = x.split(1, 1, 3, 2, 2);
    Node loss = lossOf(parts, false, true, false, true);
    Gradients pass = Autodiff.gradients(loss, List.of(x));
    Node dx = pass.list().get(0);
    assertEquals(new Concat(1), dx.op());
    assertSame(pass.adjoint(parts.get(1)), dx.inputs().get(1));
    assertSame(pass.adjoint(parts.get(3)), dx.inputs().get(3));
    for (int i : new int[] {0, 2}) {
      Tensor zeros = Plan.compile(dx.inputs().get(i)).run(Feeds.none()).get(dx.inputs().get(i));
      assertEquals(Tensor.zeros(parts.get(i).shape(), DType.FLOAT64), zeros, "part " + i);
    }
    assertMatchesDifferences(loss, dx);
  }

  @Test
  void overlappingSplitsAndSplitsAlongAnotherAxisAreSummed() {
    List<Node> halves = x.split(1, 4, 4);
    List<Node> uneven = x.split(1, 3, 5);
    List<Node> rows = x.split(0, 2, 1);
    Node loss = lossOf(List.of(halves.get(0), halves.get(1), uneven.get(1), rows.get(0)))
        .add(lossOf(List.of(uneven.get(0))).mul(0.5));
    Node dx = Autodiff.grad(loss, x).get(0);
    assertMatchesDifferences(loss, dx);
  }

  @Test
  void theJoinedGradientPrintsAndDifferentiatesAgain() {
    List<Node> parts = x.split(1, 2, 2, 2, 2);
    Node loss = lossOf(parts, true, true, false, true);
    Node dx = Autodiff.grad(loss, x).get(0);
    assertTrue(FormulaPrinter.unicode().expression(dx).contains("concat("),
        FormulaPrinter.unicode().expression(dx));
    Node squared = dx.mul(dx).sum().named("squared");
    assertMatchesDifferences(squared, Autodiff.grad(squared, x).get(0));
  }

  /**
   * Parts of a float32 island of a float64 graph, some without a gradient: the zeros between the
   * parts' gradients are float32 too. With loss = Σ cast64(c ∘ p₀) + Σ cast64(c ∘ p₂), the
   * gradient is c in the places of p₀ and p₂ and 0 elsewhere, exactly (c holds floats).
   */
  @Test
  void partsOfAFloat32IslandJoinInFloat32() {
    Graph mixed = new Graph();
    Node w = mixed.parameter("w", Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 1, 6));
    List<Node> parts = w.cast(DType.FLOAT32).split(1, 2, 1, 2, 1);
    Node c = mixed.constant("c", Tensor.ofFloats(new float[] {0.5f, -1.25f}, 1, 2));
    Node loss = c.mul(parts.get(0)).cast(DType.FLOAT64).sum()
        .add(c.mul(parts.get(2)).cast(DType.FLOAT64).sum());
    Node dw = Autodiff.grad(loss, w).get(0);
    assertEquals(DType.FLOAT64, dw.dtype());
    Tensor got = Plan.compile(dw).run(Feeds.none()).get(dw);
    assertEquals(Tensor.of(new double[] {0.5, -1.25, 0, 0.5, -1.25, 0}, 1, 6), got);
  }
}
