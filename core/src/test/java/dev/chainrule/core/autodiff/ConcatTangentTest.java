package dev.chainrule.core.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ops.Concat;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Samples;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.testing.Close;
import dev.chainrule.core.testing.FiniteDifferences;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tangent of a concat, joined by forward mode from its inputs' tangents: against central
 * differences of the forward pass (two and four inputs, some of them constants without a tangent,
 * a float32 island of a float64 graph) and by its structure (one concat of the inputs' tangents,
 * nothing padded and nothing added).
 */
class ConcatTangentTest {
  private static final double TOLERANCE = 1e-8;

  private final Random random = new Random(7);
  private final Graph g = new Graph();

  private Node parameter(String name, int... dims) {
    return g.parameter(name, Samples.uniform(random, -1, 1, dims));
  }

  private Node constant(String name, int... dims) {
    return g.constant(name, Samples.uniform(random, -1, 1, dims));
  }

  /**
   * Checks the tangent of {@code output} when {@code moving} move along random directions against
   * central differences of its value, to within {@code tolerance}.
   */
  private void assertMatchesDifferences(Node output, List<Node> moving, double tolerance) {
    List<Tensor> directions = new ArrayList<>();
    List<Node> tangents = new ArrayList<>();
    for (Node m : moving) {
      Tensor d = Samples.uniform(random, -1, 1, m.shape().dims());
      directions.add(d);
      tangents.add(g.constant("v" + m.name(), d));
    }
    Node tangent = Autodiff.jvp(List.of(output), moving, tangents).get(0);
    Tensor got = Plan.compile(tangent).run(Feeds.none()).get(tangent).copy();
    List<Tensor> values = moving.stream().map(Node::storedValue).toList();
    Tensor want = FiniteDifferences.directional(Plan.compile(output), List.of(output), values,
        directions, Feeds.none(), FiniteDifferences.STEP).get(0);
    Close.assertClose("the tangent of " + output.name(), got, want, tolerance, tolerance);
  }

  @Test
  void twoInputsOneOfThemConstantMatchDifferences() {
    Node a = parameter("a", 2, 3);
    Node c = constant("c", 2, 2);
    Node y = a.sin().concat(1, c).mul(a.concat(1, c).exp()).named("y");
    assertMatchesDifferences(y, List.of(a), TOLERANCE);
  }

  @Test
  void twoInputsBothMovingMatchDifferences() {
    Node a = parameter("a", 3, 2);
    Node b = parameter("b", 1, 2);
    Node y = a.concat(0, b.mul(b)).sin().named("y");
    assertMatchesDifferences(y, List.of(a, b), TOLERANCE);
  }

  @Test
  void fourInputsWithConstantsBetweenMatchDifferences() {
    Node a = parameter("a", 2, 1, 3);
    Node c = constant("c", 2, 2, 3);
    Node b = parameter("b", 2, 3, 3);
    Node d = constant("d", 2, 1, 3);
    Node joined = c.concat(1, a.exp(), d, b.sin());
    Node y = joined.mul(joined).sum(1).named("y");
    assertMatchesDifferences(y, List.of(a, b), TOLERANCE);
  }

  @Test
  void theTangentOfFourMovingInputsIsOneConcatOfTheirTangents() {
    List<Node> moving = List.of(parameter("a", 3, 1), parameter("b", 3, 2), parameter("c", 3, 4),
        parameter("d", 3, 1));
    List<Node> tangents = new ArrayList<>();
    for (Node m : moving) {
      tangents.add(g.constant("v" + m.name(), Samples.uniform(random, -1, 1, m.shape().dims())));
    }
    Node y = moving.get(0).concat(1, moving.get(1), moving.get(2), moving.get(3)).named("y");
    int before = g.size();
    Node t = Autodiff.jvp(List.of(y), moving, tangents).get(0);
    assertEquals(new Concat(1), t.op(), "one concat, no sum of padded tangents");
    assertEquals(tangents, t.inputs(), "the inputs' tangents, each in its place");
    assertEquals(before + 1, g.size(), "nothing else is built: no pads, no zeros, no adds");
    assertMatchesDifferences(y, moving, TOLERANCE);
  }

  /**
   * A concat inside a float32 island of a float64 graph, with a constant between the moving
   * inputs: the zeros in the constant's place are float32 too. The tangent of 2·concat(a, c, b)
   * along (va, vb) is 2·concat(va, 0, vb), exactly, when va and vb hold floats; and it matches
   * central differences to within the island's float32 rounding.
   */
  @Test
  void aConcatInAFloat32IslandJoinsFloat32Tangents() {
    Node a = g.parameter("a", Tensor.of(new double[] {0.5, -1.5}, 1, 2));
    Node b = g.parameter("b", Tensor.of(new double[] {2.25}, 1, 1));
    Node c = g.constant("c", Tensor.ofFloats(new float[] {3f, -4f}, 1, 2));
    Node y = a.cast(DType.FLOAT32).concat(1, c, b.cast(DType.FLOAT32)).mul(2.0)
        .cast(DType.FLOAT64).named("y");
    Node va = g.constant("va", Tensor.of(new double[] {0.25, -0.75}, 1, 2));
    Node vb = g.constant("vb", Tensor.of(new double[] {1.5}, 1, 1));
    Node t = Autodiff.jvp(List.of(y), List.of(a, b), List.of(va, vb)).get(0);
    Tensor got = Plan.compile(t).run(Feeds.none()).get(t);
    assertEquals(Tensor.of(new double[] {0.5, -1.5, 0, 0, 3}, 1, 5), got);
    Node sine = a.cast(DType.FLOAT32).concat(1, c, b.cast(DType.FLOAT32)).sin()
        .cast(DType.FLOAT64).named("sine");
    assertMatchesDifferences(sine, List.of(a, b), 1e-3);
  }

  @Test
  void aConcatReadingOneTangentTwiceMatchesDifferences() {
    Node a = parameter("a", 2, 2);
    Node c = constant("c", 2, 1);
    Node y = a.concat(1, c, a.mul(a)).sin().named("y");
    assertMatchesDifferences(y, List.of(a), TOLERANCE);
  }
}
