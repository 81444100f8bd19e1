package dev.chainrule.core.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.GraphMismatchException;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.graph.ShapeException;
import dev.chainrule.core.tensor.Naive;
import dev.chainrule.core.tensor.Naive.Reduction;
import dev.chainrule.core.tensor.Samples;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.testing.Close;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** How reverse mode accumulates, unbroadcasts, names, and refuses what it cannot do. */
class ReverseModeTest {
  private static final double TOL = 1e-13;
  private final Random random = new Random(11);
  private final Graph g = new Graph();

  private static Results run(Node... nodes) {
    return Plan.compile(nodes).run(Feeds.none());
  }

  @Test
  void fanOutSumsTheContributionsOfEveryConsumer() {
    Tensor x0 = Samples.uniform(random, -1.5, 1.5, 2, 3);
    Node x = g.parameter("x", x0);
    Node a = x.tanh().named("a");
    Node loss = a.mul(a).add(a.mul(3.0)).add(x).sum();
    Gradients pass = Autodiff.gradients(loss, List.of(x));
    Results r = run(pass.of(x), pass.adjoint(a));
    Tensor t = Naive.unary(x0, Math::tanh);
    // ∂L/∂a = 2a + 3 (three uses of a); ∂L/∂x = (2a + 3)(1 − a²) + 1 (x used twice).
    Tensor dA = Naive.unary(t, v -> 2 * v + 3);
    Close.assertClose("da", r.get(pass.adjoint(a)), dA, TOL, TOL);
    Close.assertClose("dx", r.get(pass.of(x)), Naive.binary(dA, t, (d, v) -> d * (1 - v * v) + 1),
        TOL, TOL);
    assertEquals("da", pass.adjoint(a).name());
  }

  /** L = Σ tanh(Z + b) ∘ R; dB is Σ over the axes b was broadcast along of (1 − tanh²) ∘ R. */
  private void assertBiasGradient(int[] zDims, int[] bDims, int[] broadcastAxes) {
    Graph graph = new Graph();
    Tensor z0 = Samples.uniform(random, -1, 1, zDims);
    Tensor b0 = Samples.uniform(random, -1, 1, bDims);
    Tensor r0 = Samples.uniform(random, -1, 1, zDims);
    Node z = graph.parameter("Z", z0);
    Node b = graph.parameter("b", b0);
    Node loss = z.add(b).tanh().mul(graph.constant("R", r0)).sum();
    List<Node> d = Autodiff.grad(loss, z, b);
    Results r = run(d.get(0), d.get(1));
    Tensor dz = Naive.binary(Naive.unary(Naive.binary(z0, b0, Double::sum),
        v -> 1 - Math.tanh(v) * Math.tanh(v)), r0, (p, q) -> p * q);
    Tensor db = Naive.reduce(dz, broadcastAxes, false, Reduction.SUM);
    Close.assertClose("dZ", r.get(d.get(0)), dz, TOL, TOL);
    Close.assertClose("db", r.get(d.get(1)), Tensor.of(db.toArray(), bDims), TOL, TOL);
    assertEquals(b0.shape(), d.get(1).shape());
    assertEquals("db", d.get(1).name());
  }

  @Test
  void columnBiasGetsTheSumOverSamples() {
    assertBiasGradient(new int[] {4, 5}, new int[] {4, 1}, new int[] {1});
  }

  @Test
  void rowBiasGetsTheSumOverRows() {
    assertBiasGradient(new int[] {5, 4}, new int[] {1, 4}, new int[] {0});
  }

  @Test
  void vectorBiasGetsTheSumOverTheMissingLeadingAxis() {
    assertBiasGradient(new int[] {5, 4}, new int[] {4}, new int[] {0});
    assertBiasGradient(new int[] {2, 5, 4}, new int[] {4}, new int[] {0, 1});
    assertBiasGradient(new int[] {2, 5, 4}, new int[] {5, 1}, new int[] {0, 2});
  }

  @Test
  void scalarBiasGetsTheSumOfEverything() {
    assertBiasGradient(new int[] {3, 4}, new int[] {}, new int[] {0, 1});
  }

  @Test
  void seedsBinaryCrossEntropyThroughSigmoidGivesAMinusY() {
    Tensor w0 = Samples.uniform(random, -1, 1, 1, 3);
    Tensor x0 = Samples.uniform(random, -1, 1, 3, 6);
    Tensor y0 = Samples.mask(random, 1, 6);
    Node w = g.parameter("W", w0);
    Node x = g.input("X", x0);
    Node y = g.input("Y", y0);
    Node z = w.matmul(x).named("Z");
    Node a = z.sigmoid().named("A");
    Node loss = y.mul(a.log()).add(y.rsub(1).mul(a.rsub(1).log())).sum().neg();
    Node dz = Autodiff.grad(loss, z).get(0);
    Tensor a0 = Naive.unary(Naive.matmul(w0, false, x0, false), v -> 1 / (1 + Math.exp(-v)));
    Close.assertClose("dZ = A − Y", run(dz).get(dz), Naive.binary(a0, y0, (p, q) -> p - q), 1e-12,
        1e-15);
    assertEquals("dZ", dz.name());
  }

  @Test
  void nonScalarOutputWithoutUpstreamIsAShapeErrorNamingIt() {
    Node w = g.parameter("W", Samples.uniform(random, -1, 1, 2, 3));
    Node z = w.tanh().named("Z");
    ShapeException e = assertThrows(ShapeException.class, () -> Autodiff.grad(z, w));
    assertTrue(e.getMessage().contains("Z (2, 3)"), e.getMessage());
    assertTrue(e.getMessage().contains("ReverseModeTest.java:"), e.getMessage());
    Node single = w.sumKeepDims();
    assertEquals(List.of(1, 1), List.of(single.shape().dim(0), single.shape().dim(1)));
    Node d = Autodiff.grad(single, w).get(0);
    assertEquals(Tensor.ones(2, 3), run(d).get(d), "a (1, 1) output is a scalar loss");
  }

  @Test
  void explicitUpstreamGivesTheVectorJacobianProductByHand() {
    Tensor w0 = Samples.uniform(random, -1, 1, 3, 4);
    Tensor x0 = Samples.uniform(random, -1, 1, 4, 2);
    Tensor u0 = Samples.uniform(random, -1, 1, 3, 2);
    Node w = g.parameter("W", w0);
    Node x = g.parameter("x", x0);
    Node y = w.matmul(x).tanh();
    Gradients pass = Autodiff.gradients(y, g.constant("U", u0), List.of(w, x));
    Results r = run(pass.of(w), pass.of(x));
    Tensor t = Naive.unary(Naive.matmul(w0, false, x0, false), Math::tanh);
    Tensor dz = Naive.binary(u0, t, (u, v) -> u * (1 - v * v));
    Close.assertClose("dW = dZ·xᵀ", r.get(pass.of(w)), Naive.matmul(dz, false, x0, true), TOL,
        TOL);
    Close.assertClose("dx = Wᵀ·dZ", r.get(pass.of(x)), Naive.matmul(w0, true, dz, false), TOL,
        TOL);
  }

  @Test
  void upstreamOfTheWrongShapeOrGraphIsRefused() {
    Node w = g.parameter("W", Tensor.ones(2, 3));
    Node y = w.exp().named("Y");
    Node wrong = g.constant("U", Tensor.ones(3, 2));
    ShapeException e = assertThrows(ShapeException.class,
        () -> Autodiff.gradients(y, wrong, List.of(w)));
    assertTrue(e.getMessage().contains("U") && e.getMessage().contains("(3, 2)")
        && e.getMessage().contains("Y") && e.getMessage().contains("(2, 3)"), e.getMessage());
    Node foreign = new Graph().constant("V", Tensor.ones(2, 3));
    assertThrows(GraphMismatchException.class, () -> Autodiff.gradients(y, foreign, List.of(w)));
  }

  @Test
  void targetTheLossDoesNotDependOnGetsZerosOfItsShape() {
    Node w = g.parameter("W", Tensor.ones(2, 3));
    Node unused = g.parameter("V", Tensor.ones(4));
    Node loss = w.square().sum();
    Node later = g.parameter("late", Tensor.ones(2, 2));
    Gradients pass = Autodiff.gradients(loss, List.of(w, unused, later));
    for (Node target : List.of(unused, later)) {
      Node d = pass.of(target);
      assertEquals(NodeKind.CONSTANT, d.kind());
      assertEquals("d" + target.name(), d.name());
      assertEquals(Tensor.zeros(target.shape()), run(d).get(d));
      assertNull(pass.adjoint(target), "no adjoint: the pass never reached " + target.name());
    }
    assertEquals(Tensor.full(w.shape(), 2.0), run(pass.of(w)).get(pass.of(w)));
  }

  @Test
  void noGradientFlowsThroughAComparisonMask() {
    Node x = g.parameter("x", Tensor.of(new double[] {-1, 2}, 2));
    Node loss = x.gt(0.0).mul(5.0).sum();
    Node d = Autodiff.grad(loss, x).get(0);
    assertEquals(NodeKind.CONSTANT, d.kind());
    assertEquals(Tensor.zeros(2), run(d).get(d));
  }

  @Test
  void differentiatingWithRespectToAConstantIsRefusedWithItsName() {
    Node w = g.parameter("W", Tensor.ones(2));
    Node c = g.constant("C", Tensor.ones(2));
    Node loss = w.mul(c).sum().named("L");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Autodiff.grad(loss, c));
    assertTrue(e.getMessage().contains("L") && e.getMessage().contains("C")
        && e.getMessage().contains("constant"), e.getMessage());
    Node literalUse = w.mul(3.0).sum();
    Node three = literalUse.inputs().get(0).inputs().get(1);
    assertTrue(three.isLiteral());
    assertThrows(IllegalArgumentException.class, () -> Autodiff.grad(literalUse, three));
  }

  @Test
  void targetsFromAnotherGraphAreRefused() {
    Node w = g.parameter("W", Tensor.ones(2));
    Node loss = w.sum();
    Node other = new Graph().parameter("W2", Tensor.ones(2));
    GraphMismatchException e = assertThrows(GraphMismatchException.class,
        () -> Autodiff.grad(loss, other));
    assertTrue(e.getMessage().contains("W2"), e.getMessage());
  }

  @Test
  void gradientThatIsAnotherNodesAdjointGetsItsOwnNamedAlias() {
    Node z = g.parameter("Z", Tensor.ones(3));
    Node b = g.parameter("b", Tensor.ones(3));
    Node loss = z.add(b).square().sum();
    List<Node> d = Autodiff.grad(loss, z, b);
    assertEquals("dZ", d.get(0).name());
    assertEquals("db", d.get(1).name());
    Results r = run(d.get(0), d.get(1));
    assertEquals(Tensor.full(z.shape(), 4.0), r.get(d.get(0)));
    assertEquals(Tensor.full(z.shape(), 4.0), r.get(d.get(1)));
  }

  @Test
  void gradientsAreGraphNodesMarkedAsBackward() {
    Node w = g.parameter("W", Tensor.ones(2));
    int forward = g.size();
    Node loss = w.exp().sum();
    Node d = Autodiff.grad(loss, w).get(0);
    assertTrue(d.isGradient() && d.gradientPass() == 1);
    Node dd = Autodiff.grad(d.sum(), w).get(0);
    assertEquals(2, dd.gradientPass(), "the derivative of a gradient is the second pass");
    assertTrue(g.nodes().subList(0, forward).stream().noneMatch(Node::isGradient));
    assertEquals(Tensor.full(w.shape(), Math.E), run(dd).get(dd));
  }
}
