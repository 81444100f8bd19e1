package dev.chainrule.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.exec.Anomaly;
import dev.chainrule.core.exec.AnomalyException;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checks on a float32 graph compute in float64 (through the graph's float64 copy), so they are
 * as tight as on a float64 graph. The model is L = (Σᵢ wᵢxᵢ)² + Σᵢ c·wᵢ² with c = 0.1 (held as the
 * float32 number nearest 0.1), whose gradient by hand is ∂L/∂w = 2s·x + 2c·w, s = Σᵢ wᵢxᵢ,
 * computed in the test in double from the float32 numbers the model holds.
 */
class Float32ChecksTest {
  private static final float[] W = {0.1f, -0.7f, 1f / 3};
  private static final float[] X = {0.3f, 1.1f, -2f / 3};
  private static final double C = 0.1f;

  private final Graph g = new Graph(DType.FLOAT32);
  private final Node w = g.parameter("w", Tensor.ofFloats(W.clone(), 3));
  private final Node x = g.input("x", 3);
  private final Node loss = w.mul(x).sum().square().add(w.square().sum().mul(0.1)).named("L");
  private final Feeds feeds = Feeds.of(x, Tensor.ofFloats(X, 3));

  /** ∂L/∂w by hand, in double from the model's float32 numbers. */
  private static double[] handGradient() {
    double s = 0;
    for (int i = 0; i < 3; i++) {
      s += (double) W[i] * X[i];
    }
    double[] d = new double[3];
    for (int i = 0; i < 3; i++) {
      d[i] = 2 * s * X[i] + 2 * C * W[i];
    }
    return d;
  }

  @Test
  void gradCheckOfAFloat32GraphIsAsTightAsInFloat64AndLeavesTheModelAlone() {
    GradCheckReport report = GradCheck.check(loss, List.of(w, x), feeds);
    GradCheckReport.Entry dw = report.entries().get(0);
    assertEquals("w", dw.name());
    assertEquals(DType.FLOAT64, dw.analytic().dtype());
    double[] hand = handGradient();
    for (int i = 0; i < 3; i++) {
      assertEquals(hand[i], dw.analytic().toArray()[i], 1e-15 * Math.abs(hand[i]) + 1e-16);
    }
    // h = 1e-6 in float64: rounding ≈ ε·|L|/h ≈ 1e-10, truncation h²·|L'''| ≈ 1e-12.
    assertTrue(report.maxRelativeError() < 1e-8, report::toString);
    assertEquals(Tensor.ofFloats(W, 3), w.storedValue(), "the model's parameter is not moved");
  }

  @Test
  void numericGradientRefusesAFloat32NodeAndSaysWhatToUse() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GradCheck.numericGradient(Plan.compile(loss), loss, w, feeds, 1e-3));
    assertTrue(e.getMessage().contains("w is float32"), e.getMessage());
    assertTrue(e.getMessage().contains("GradCheck.check"), e.getMessage());
  }

  @Test
  void aHandFormulaAgreesAndAMissingFactorIsNamed() {
    Node s = w.mul(x).sum();
    FormulaComparison right = ManualFormulaCheck.compare(loss, w, ManualFormula.graph(
        "2s·x + 2c·w", () -> x.mul(s).mul(2.0).add(w.mul(0.2))), feeds);
    assertEquals(Verdict.AGREES, right.verdict(), right.text());
    assertEquals(DType.FLOAT64, right.autograd().dtype());
    assertEquals(loss.graph(), right.autogradNode().graph(), "the gradient node is the user's");
    double[] hand = handGradient();
    for (int i = 0; i < 3; i++) {
      assertEquals(hand[i], right.autograd().toArray()[i], 1e-7 * Math.abs(hand[i]));
      assertEquals(hand[i], right.numeric().toArray()[i], 1e-8 * Math.abs(hand[i]));
    }
    FormulaComparison half = ManualFormulaCheck.compare(loss, w, ManualFormula.graph(
        "s·x + c·w", () -> x.mul(s).add(w.mul(0.1))), feeds);
    assertEquals(Verdict.DIFFERS, half.verdict(), half.text());
    assertEquals(0.5, half.constantFactor(), 1e-6, half.text());
    assertTrue(half.text().contains("tolerance 1e-6"), half.text());
  }

  @Test
  void aTensorFormulaReadsFloat64Values() {
    FormulaComparison c = ManualFormulaCheck.compare(loss, w, ManualFormula.tensors(
        "2s·x + 2c·w", v -> {
          double[] ws = v.get("w").buffer();
          double[] xs = v.get("x").buffer();
          double s = ws[0] * xs[0] + ws[1] * xs[1] + ws[2] * xs[2];
          double[] d = new double[3];
          for (int i = 0; i < 3; i++) {
            d[i] = 2 * s * xs[i] + 2 * C * ws[i];
          }
          return Tensor.of(d, 3);
        }), feeds);
    assertEquals(Verdict.AGREES, c.verdict(), c.text());
    FormulaComparison rounded = ManualFormulaCheck.compare(loss, w, ManualFormula.tensors(
        "the same, rounded to float32", v -> c.manual().to(DType.FLOAT32)), feeds);
    assertEquals(Verdict.AGREES, rounded.verdict(), rounded.text());
    assertEquals(DType.FLOAT64, rounded.manual().dtype());
  }

  @Test
  void theHessianComparisonWorksOnAFloat32Graph() {
    FormulaComparison c = ManualFormulaCheck.compareHessian(loss, w, ManualFormula.tensors(
        "2·x·xᵀ + 2c·I", v -> {
          double[] xs = v.get("x").toArray();
          double[] h = new double[9];
          for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
              h[i * 3 + j] = 2 * xs[i] * xs[j] + (i == j ? 2 * C : 0);
            }
          }
          return Tensor.of(h, 3, 3);
        }), feeds);
    assertEquals(Verdict.AGREES, c.verdict(), c.text());
    assertTrue((Double) c.toMap().get("autogradVsFiniteDifferences") < 1e-8, c.text());
  }

  @Test
  void anIntermediateNodeIsCutInTheFloat64Copy() {
    Node s = w.mul(x).sum().named("s");
    Node l = s.square().named("J");
    FormulaComparison c = ManualFormulaCheck.compare(l, s, ManualFormula.graph("2s",
        () -> s.mul(2.0)), feeds);
    assertEquals(Verdict.AGREES, c.verdict(), c.text());
    double sum = 0;
    for (int i = 0; i < 3; i++) {
      sum += (double) W[i] * X[i];
    }
    assertEquals(2 * sum, c.numeric().item(), 1e-9);
  }

  @Test
  void anomalyModeInTheFloat64CopyNamesTheUsersLine() {
    Node big = g.parameter("big", Tensor.ofFloats(new float[] {1e30f}, 1));
    Node overflow = big.mul(big).sum().named("overflow");
    String site = overflow.site();
    try (Anomaly.Scope on = Anomaly.detect()) {
      // 1e60 is finite in float64: the copy computes it, so the check sees no anomaly there...
      GradCheck.check(overflow, List.of(big), Feeds.none());
      // ...while the float32 model itself overflows, and anomaly mode names the node and line.
      AnomalyException e = assertThrows(AnomalyException.class,
          () -> Plan.compile(overflow).run(Feeds.none()));
      assertTrue(e.getMessage().contains("Infinity") || e.getMessage().contains("∞"),
          e.getMessage());
      assertTrue(site == null || e.getMessage().contains(site), e.getMessage());
    }
  }

  @Test
  void aNonFiniteValueOfTheFloat64CopyIsReportedAtTheUsersNode() {
    Node z = g.parameter("z", Tensor.ofFloats(new float[] {0f, 1f}, 2));
    Node l = z.log().sum().named("J");
    FormulaComparison c = ManualFormulaCheck.compare(l, z, ManualFormula.graph("z/z²",
        () -> z.div(z.mul(z))), Feeds.none());
    assertEquals(1, c.nonFiniteElements(), c.text());
    assertTrue(c.text().contains("manual is NaN at 1 of 2 elements, first at (0), where autograd "
        + "is ∞") || c.text().contains("manual is NaN at 1 of 2 elements, first at (0), where "
        + "autograd is Infinity"), c.text());
  }

  @Test
  void theChainRuleTraceOfAFloat32GraphMultipliesFloat64LocalDerivatives() {
    Graph scalar = new Graph(DType.FLOAT32);
    Node a = scalar.parameter("a", Tensor.ofFloats(new float[] {0.3f}));
    Node b = scalar.input("b", Tensor.ofFloats(new float[] {0.7f}));
    Node l = a.mul(b).named("u").square().named("L");
    ChainRuleTrace t = ChainRuleTrace.of(l, a, Feeds.none());
    double u = (double) 0.3f * 0.7f;
    assertEquals(2 * u * 0.7f, t.gradient(), 1e-16);
    assertEquals(2 * u * 0.7f, t.paths().get(0).product(), 1e-16);
  }
}
