package dev.chainrule.nn.manual;

import static dev.chainrule.nn.manual.Autograd.assertAgrees;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Seed 003 (column layout 2-3-2, sigmoid, softmax, CE + L2) against autograd; slips pinned. */
class TestNetSingleManualTest {
  private static final List<String> PARAMS = List.of("∂J/∂W(1)", "∂J/∂b(1)", "∂J/∂W(2)",
      "∂J/∂b(2)");

  private record Case(Tensor a0, Tensor y, Tensor w1, Tensor b1, Tensor w2, Tensor b2,
      double lambda) {
    static Case random(long seed, int m, double lambda) {
      Random rng = new Random(seed);
      return new Case(Autograd.normal(rng, 1, 2, m), Autograd.oneHot(rng, 2, m, 0),
          Autograd.normal(rng, 1, 3, 2), Autograd.normal(rng, 1, 3, 1),
          Autograd.normal(rng, 1, 2, 3), Autograd.normal(rng, 1, 2, 1), lambda);
    }

    Case firstSample() {
      return new Case(column0(a0), column0(y), w1, b1, w2, b2, lambda);
    }

    private static Tensor column0(Tensor t) {
      return Tensor.column(t.get(0, 0), t.get(1, 0));
    }

    TestNetSingleManual manual() {
      return new TestNetSingleManual(w1, b1, w2, b2, lambda);
    }

    /** Autograd of J = −(1/m) Σ 1(y) ∘ ln softmax(z(2)) + ½λ(‖W(1)‖² + ‖W(2)‖²). */
    Map<String, Tensor> autograd() {
      Graph g = new Graph();
      Node a = g.input("a(0)", a0);
      Node ind = g.input("1(y)", y);
      Node pw1 = g.parameter("W(1)", w1.copy());
      Node pb1 = g.parameter("b(1)", b1.copy());
      Node pw2 = g.parameter("W(2)", w2.copy());
      Node pb2 = g.parameter("b(2)", b2.copy());
      Map<String, Node> params = new LinkedHashMap<>();
      params.put(PARAMS.get(0), pw1);
      params.put(PARAMS.get(1), pb1);
      params.put(PARAMS.get(2), pw2);
      params.put(PARAMS.get(3), pb2);
      Node a1 = pw1.matmul(a).add(pb1).sigmoid();
      Node z2 = pw2.matmul(a1).add(pb2);
      Node j = ind.mul(z2.softmax(0).log()).sum().neg().div(a0.shape().dim(1))
          .add(pw1.square().sum().add(pw2.square().sum()).mul(lambda / 2));
      return Autograd.of(j, params, Map.of("∂J/∂z(2)", z2, "∂J/∂a(1)", a1));
    }
  }

  @Test
  void correctedFormulasAgreeWithAutogradForOneSampleAndBatches() {
    for (int trial = 0; trial < 8; trial++) {
      double lambda = trial % 2 == 0 ? 0 : 0.05;
      Case one = Case.random(300 + trial, 1, lambda);
      Map<String, Tensor> auto = one.autograd();
      ManualGradients manual = one.manual().singleSampleCorrected(one.a0(), one.y());
      Case batch = Case.random(400 + trial, 2 + trial, lambda);
      Map<String, Tensor> autoBatch = batch.autograd();
      ManualGradients manualBatch = batch.manual().batchCorrected(batch.a0(), batch.y());
      for (String name : PARAMS) {
        assertAgrees(trial + " " + name, auto.get(name), manual.get(name));
        assertAgrees(trial + " batch " + name, autoBatch.get(name), manualBatch.get(name));
      }
    }
  }

  @Test
  void slips37And38DimensionCompatibleFormulasCollapseGPrimeToAScalar() {
    Case c = Case.random(37, 1, 0.05);
    Map<String, Tensor> auto = c.autograd();
    ManualGradients seed = c.manual().singleSample(c.a0(), c.y());
    assertAgrees("∂J/∂W(2)", auto.get("∂J/∂W(2)"), seed.get("∂J/∂W(2)"));
    assertAgrees("∂J/∂b(2)", auto.get("∂J/∂b(2)"), seed.get("∂J/∂b(2)"));
    Tensor g = c.w1().matmul(c.a0()).add(c.b1()).map(v -> 1 / (1 + Math.exp(-v)));
    double s = 0;
    for (double v : g.buffer()) {
      s += v * (1 - v);
    }
    Tensor da1 = auto.get("∂J/∂a(1)");
    for (String name : List.of("∂J/∂W(1)", "∂J/∂b(1)")) {
      assertFalse(GradientComparison.compare(name, auto.get(name), seed.get(name), 1e-3).agrees());
    }
    assertAgrees("seed ∂J/∂W(1) = s·∂J/∂a(1)·a(0)ᵀ + λW(1)",
        da1.mul(s).matmul(c.a0().transpose()).add(c.w1().mul(0.05)), seed.get("∂J/∂W(1)"));
    assertAgrees("seed ∂J/∂b(1) = s·∂J/∂a(1)", da1.mul(s), seed.get("∂J/∂b(1)"));
  }

  @Test
  void slip36ChainRuleSectionProductsDoNotConform() {
    Case c = Case.random(36, 1, 0);
    TestNetSingleManual t = c.manual();
    assertShapes(List.of(Shape.of(2, 1), Shape.of(3, 1)),
        () -> t.chainRuleWeight2AsWritten(c.a0(), c.y()));
    assertShapes(List.of(Shape.of(2, 1), Shape.of(2, 3)),
        () -> t.chainRuleHiddenAsWritten(c.a0(), c.y()));
    assertShapes(List.of(Shape.of(2, 1), Shape.of(2, 3), Shape.of(3, 1), Shape.of(2, 1)),
        () -> t.chainRuleWeight1AsWritten(c.a0(), c.y()));
    assertShapes(List.of(Shape.of(2, 1), Shape.of(2, 3), Shape.of(3, 1)),
        () -> t.chainRuleBias1AsWritten(c.a0(), c.y()));
  }

  @Test
  void slip31ForwardWithThreeInputEntriesDoesNotConform() {
    Case c = Case.random(31, 1, 0);
    assertShapes(List.of(Shape.of(3, 2), Shape.of(3, 1)),
        () -> c.manual().hiddenInputAsWritten(c.a0()));
  }

  private static void assertShapes(List<Shape> shapes, Executable formula) {
    FormulaShapeException e = assertThrows(FormulaShapeException.class, formula);
    assertEquals(shapes, e.shapes(), e.getMessage());
  }

  @Test
  void slip310SummaryIndexShiftGivesLayerTwosGradientInLayerOnesPlace() {
    Case c = Case.random(310, 1, 0);
    Map<String, Tensor> auto = c.autograd();
    ManualGradients seed = c.manual().summaryAsWritten(c.a0(), c.y());
    assertEquals(GradientDiff.Verdict.SHAPE_MISMATCH, GradientComparison.compare("W1",
        auto.get("∂J/∂W(1)"), seed.get("∂J/∂W(1)"), 1e-12).verdict());
    assertEquals(GradientDiff.Verdict.SHAPE_MISMATCH, GradientComparison.compare("b1",
        auto.get("∂J/∂b(1)"), seed.get("∂J/∂b(1)"), 1e-12).verdict());
    assertAgrees("δ(2)a(1)ᵀ is ∂J/∂W(2)", auto.get("∂J/∂W(2)"), seed.get("∂J/∂W(1)"));
  }

  @Test
  void slip39BatchSummandWithoutIIsTheFirstSamplesGradient() {
    Case c = Case.random(39, 5, 0.05);
    Map<String, Tensor> batch = c.autograd();
    Map<String, Tensor> first = c.firstSample().autograd();
    ManualGradients seed = c.manual().batchAsWritten(c.a0(), c.y());
    for (String name : List.of("∂J/∂W(1)", "∂J/∂W(2)")) {
      assertFalse(GradientComparison.compare(name, batch.get(name), seed.get(name), 1e-3)
          .agrees());
    }
    assertAgrees("∂J/∂W(2) literal = sample 1's", first.get("∂J/∂W(2)"), seed.get("∂J/∂W(2)"));
    Tensor collapsed = c.firstSample().manual().singleSample(c.firstSample().a0(),
        c.firstSample().y()).get("∂J/∂W(1)");
    assertAgrees("∂J/∂W(1) literal = sample 1's, collapsed", collapsed, seed.get("∂J/∂W(1)"));
  }

  @Test
  void slip312UpdateIsRightWithTheBatchSumAndDoublesOneOverMAndLambdaOtherwise() {
    Case c = Case.random(312, 5, 0.05);
    Map<String, Tensor> auto = c.autograd();
    ManualGradients sums = c.manual().batchSums(c.a0(), c.y());
    ManualGradients averaged = c.manual().batchCorrected(c.a0(), c.y());
    for (int l = 1; l <= 2; l++) {
      String name = "∂J/∂W(" + l + ")";
      Tensor w = l == 1 ? c.w1() : c.w2();
      assertAgrees(name + " with ∇W = Σ_i", auto.get(name),
          c.manual().updateDirectionAsWritten(sums.get("∇W(" + l + ")"), w, 5));
      Tensor twice = c.manual().updateDirectionAsWritten(averaged.get(name), w, 5);
      assertFalse(GradientComparison.compare(name, auto.get(name), twice, 1e-3).agrees());
      assertAgrees(name + " twice = ∇J/m + λW", auto.get(name).mul(0.2).add(w.mul(0.05)), twice);
    }
  }
}
