package dev.chainrule.examples.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.check.GradCheck;
import dev.chainrule.core.check.GradCheckReport;
import dev.chainrule.core.exec.ExecOptions;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.exec.fused.FusedProgram;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.optim.Adam;
import dev.chainrule.nn.train.Trainer;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/**
 * The user-written {@link Mish}: values and first derivatives against PyTorch, the second
 * derivative (reverse mode applied to the graph its {@code vjp} builds) against a formula derived
 * by hand, forward mode, finite differences, and the contract that keeps it fast: it runs inside
 * fused loops, as generated code when small, giving its forward's numbers bit for bit.
 */
class MishTest {
  /** The points of the PyTorch reference: both far tails, the tiny negative tail, the middle. */
  private static final double[] X = {-1000, -30, -2, -0.5, 0, 0.7, 3, 20, 1000};

  /*
   * PyTorch 1.13 (/usr/bin/python3), float64:
   *
   *   import torch
   *   x = torch.tensor([-1000.0, -30.0, -2.0, -0.5, 0.0, 0.7, 3.0, 20.0, 1000.0],
   *                    dtype=torch.float64, requires_grad=True)
   *   y = torch.nn.functional.mish(x)
   *   (d,) = torch.autograd.grad(y.sum(), x)
   *   for name, v in (("mish", y), ("mish'", d)):
   *       print(name, ", ".join(repr(float(t)) for t in v))
   */
  private static final double[] TORCH_MISH = {-0.0, -2.807286890651921e-12,
      -0.2525014826957089, -0.22074377465173, 0.0, 0.561148377643852, 2.9865350049679575, 20.0,
      1000.0};
  private static final double[] TORCH_SLOPE = {0.0, -2.713710660963392e-12,
      -0.1083550924203939, 0.28951067791351226, 0.6, 0.9687948682001859, 1.0211069109294435,
      1.0, 1.0};

  @Test
  void valuesAndFirstDerivativeAgreeWithPyTorch() {
    Graph g = new Graph();
    Node x = g.input("x", Tensor.row(X));
    Node y = Mish.of(x);
    Node slope = Autodiff.grad(y.sum(), x).get(0);
    double[] values = y.value().buffer();
    double[] slopes = slope.value().buffer();
    for (int i = 0; i < X.length; i++) {
      assertClose(TORCH_MISH[i], values[i], "mish(" + X[i] + ")");
      assertClose(TORCH_SLOPE[i], slopes[i], "mish'(" + X[i] + ")");
    }
  }

  /**
   * With s = σ(x) and t = tanh(softplus(x)): softplus′ = s and t′ = (1 − t²)·s, so
   * mish′ = t + x·s·(1 − t²) and, differentiating each factor,
   * mish″ = (1 − t²)·s + s·(1 − t²) + x·s·(1 − s)·(1 − t²) − 2x·s·t·(1 − t²)·s
   *       = s·(1 − t²)·(2 + x·(1 − s − 2·s·t)).
   * No one wrote this derivative in code: it is reverse mode applied to the nodes of the vjp.
   */
  @Test
  void secondDerivativeIsTheHandDerivedFormula() {
    Graph g = new Graph();
    Node x = g.input("x", Tensor.row(X));
    Node first = Autodiff.grad(Mish.of(x).sum(), x).get(0);
    double[] second = Autodiff.grad(first.sum(), x).get(0).value().buffer();
    for (int i = 0; i < X.length; i++) {
      double s = 1 / (1 + Math.exp(-X[i]));
      double t = Math.tanh(Math.log1p(Math.exp(X[i])));
      double expected = s * (1 - t * t) * (2 + X[i] * (1 - s - 2 * s * t));
      assertClose(expected, second[i], "mish''(" + X[i] + ")");
    }
  }

  /** Forward mode uses the inherited jvp: the tangent times mish′, mish′ from PyTorch. */
  @Test
  void forwardModeScalesTheTangentByTheSlope() {
    Graph g = new Graph();
    Node x = g.input("x", Tensor.row(X));
    double[] tangent = new double[X.length];
    for (int i = 0; i < X.length; i++) {
      tangent[i] = 0.5 - 0.25 * i;
    }
    Node t = g.constant("t", Tensor.row(tangent));
    double[] moved = Autodiff.jvp(Mish.of(x), x, t).value().buffer();
    for (int i = 0; i < X.length; i++) {
      assertClose(tangent[i] * TORCH_SLOPE[i], moved[i], "jvp at " + X[i]);
    }
  }

  @Test
  void reverseModeAgreesWithCentralDifferences() {
    Graph g = new Graph();
    Node x = g.parameter("x", Tensor.row(-4, -1.3, -0.2, 0.4, 1.1, 2.5));
    Node loss = Mish.of(x).square().sum();
    GradCheckReport report = GradCheck.check(loss, List.of(x), Feeds.none());
    assertTrue(report.passes(1e-8), report.toString());
  }

  /**
   * tanh(softplus(x)) = ((1 + eˣ)² − 1)/((1 + eˣ)² + 1) = (u² + 2u)/(u² + 2u + 2) with u = eˣ,
   * or (1 + 2v)/(1 + 2v + 2v²) with v = e^−x: a second implementation, exact in both tails.
   */
  @Property(tries = 300)
  void agreesWithARationalFormAndStaysFinite(
      @ForAll @DoubleRange(min = -1000, max = 1000) double x) {
    double gate;
    if (x <= 0) {
      double u = Math.exp(x);
      gate = (u * u + 2 * u) / (u * u + 2 * u + 2);
    } else {
      double v = Math.exp(-x);
      gate = (1 + 2 * v) / (1 + 2 * v + 2 * v * v);
    }
    Tensor out = Tensor.zeros(1, 1);
    Mish.INSTANCE.forward(new Tensor[] {Tensor.row(x)}, out);
    assertEquals(x * gate, out.item(), 4e-15 * Math.abs(x * gate), "mish(" + x + ")");
  }

  /** Values, first and second derivatives finite on a sweep of [−1000, 1000] in steps of 0.5. */
  @Test
  void derivativesStayFiniteOnTheWholeRange() {
    double[] sweep = new double[4001];
    for (int i = 0; i < sweep.length; i++) {
      sweep[i] = -1000 + 0.5 * i;
    }
    Graph g = new Graph();
    Node x = g.input("x", Tensor.row(sweep));
    Node y = Mish.of(x);
    Node first = Autodiff.grad(y.sum(), x).get(0);
    Node second = Autodiff.grad(first.sum(), x).get(0);
    Plan plan = Plan.compile(List.of(y, first, second));
    Results values = plan.run(Feeds.none());
    for (Node n : List.of(y, first, second)) {
      double[] v = values.get(n).buffer();
      for (int i = 0; i < v.length; i++) {
        assertTrue(Double.isFinite(v[i]), n.name() + " at x = " + sweep[i] + ": " + v[i]);
      }
    }
  }

  /**
   * Mish runs inside a fused loop, as generated JVM code when the loop is small (up to
   * {@link FusedProgram#SMALL} elements, compiled after 200 runs; an op whose code failed to
   * generate would say "interpreted") and in chunks when large, giving its own forward's numbers
   * bit for bit.
   */
  @Test
  void runsFusedAndCompiledWithItsForwardsNumbers() {
    double[] small = {-1000, -2, -0.5, 0, 0.7, 3, 1000};
    assertTrue(small.length <= FusedProgram.SMALL);
    assertFusedAndExact(small, "(element by element)");
    double[] large = new double[300 * X.length];
    for (int i = 0; i < large.length; i++) {
      large[i] = X[i % X.length] * (1 + i / 1000.0);
    }
    assertFusedAndExact(large, "(chunks of");
  }

  /**
   * In SkipNet's training step the activation shares one loop with the bias added before it, and
   * its derivative, times the upstream gradient, is one loop of its own.
   */
  @Test
  void skipNetRunsTheActivationInTheBiasLoop() {
    Trainer trainer = new Trainer(new SkipNet(2, 8, 1), Loss.binaryCrossEntropyWithLogits(),
        Adam.of(0.02));
    String explained = trainer.trainingStep(32).explain();
    assertTrue(explained.contains("Z[1], A[1] = loop over (8, 32) of 2 operations"), explained);
    assertTrue(explained.contains("dZ[1] = loop over (8, 32) of 9 operations"), explained);
  }

  private static void assertFusedAndExact(double[] values, String mode) {
    Graph g = new Graph();
    Node x = g.parameter("x", Tensor.row(values));
    Node y = Mish.of(x);
    Plan plan = Plan.compile(List.of(y), ExecOptions.defaults().withThreads(1));
    Tensor got = null;
    for (int run = 0; run <= 201; run++) {
      got = plan.run(Feeds.none()).get(y);
    }
    String explained = plan.explain();
    assertTrue(explained.contains("loop over (1, " + values.length + ") of 1 operations " + mode)
        && !explained.contains("interpreted"), explained);
    Tensor expected = Tensor.zeros(1, values.length);
    Mish.INSTANCE.forward(new Tensor[] {Tensor.row(values)}, expected);
    for (int i = 0; i < values.length; i++) {
      assertEquals(Double.doubleToRawLongBits(expected.buffer()[i]),
          Double.doubleToRawLongBits(got.buffer()[i]), "mish(" + values[i] + ") fused");
    }
  }

  /** Equal within 1e-15 of the larger magnitude (a few units in the last place), or both zero. */
  private static void assertClose(double expected, double actual, String what) {
    double scale = Math.max(Math.abs(expected), Math.abs(actual));
    assertEquals(expected, actual, 1e-15 * scale, what);
  }
}
