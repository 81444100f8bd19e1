package dev.chainrule.nn.manual;

import static dev.chainrule.nn.manual.Autograd.assertAgrees;
import static dev.chainrule.nn.manual.Autograd.assertFactor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seed 002 (row layout 3-4-2, ReLU, softmax, cross-entropy) against autograd; slips pinned. */
class TestNetBatchManualTest {
  private static final List<String> PARAMS = List.of("∂J/∂W(1)", "∂J/∂b(1)", "∂J/∂W(2)",
      "∂J/∂b(2)");

  /** Data and parameters of one random TestNet; {@code which} selects the cost differentiated. */
  private record Case(Tensor a0, Tensor y, Tensor w1, Tensor b1, Tensor w2, Tensor b2) {
    static Case random(long seed, int m) {
      Random rng = new Random(seed);
      return new Case(Autograd.normal(rng, 1, m, 3), Autograd.oneHot(rng, 2, m, 1),
          Autograd.normal(rng, 1, 3, 4), Autograd.normal(rng, 0.1, 1, 4),
          Autograd.normal(rng, 1, 4, 2), Autograd.normal(rng, 0.1, 1, 2));
    }

    TestNetBatchManual manual() {
      return new TestNetBatchManual(w1, b1, w2, b2);
    }

    int m() {
      return a0.shape().dim(0);
    }

    /**
     * Autograd of J_sum = −Σ_i Σ_j 1(y_i=j) ln p (mean = false) or of J_sum/m + (λ/2)Σ‖W‖²
     * (mean = true), with the adjoints of z(2), a(1) and z(1).
     */
    Map<String, Tensor> autograd(boolean mean, double lambda) {
      Graph g = new Graph();
      Node a = g.input("a(0)", a0);
      Node ind = g.input("1(y)", y);
      Map<String, Node> params = new LinkedHashMap<>();
      Node pw1 = g.parameter("W(1)", w1.copy());
      Node pb1 = g.parameter("b(1)", b1.copy());
      Node pw2 = g.parameter("W(2)", w2.copy());
      Node pb2 = g.parameter("b(2)", b2.copy());
      params.put(PARAMS.get(0), pw1);
      params.put(PARAMS.get(1), pb1);
      params.put(PARAMS.get(2), pw2);
      params.put(PARAMS.get(3), pb2);
      Node z1 = a.matmul(pw1).add(pb1);
      Node a1 = z1.relu();
      Node z2 = a1.matmul(pw2).add(pb2);
      Node j = ind.mul(z2.softmax(1).log()).sum().neg();
      if (mean) {
        j = j.div(m()).add(pw1.square().sum().add(pw2.square().sum()).mul(lambda / 2));
      }
      return Autograd.of(j, params, Map.of("∂J/∂z(2)", z2, "∂J/∂a(1)", a1, "∂J/∂z(1)", z1));
    }
  }

  @Test
  void summaryAgreesWithAutogradOfTheMeanCost() {
    for (int trial = 0; trial < 8; trial++) {
      Case c = Case.random(200 + trial, 1 + 3 * trial);
      Map<String, Tensor> auto = c.autograd(true, 0);
      ManualGradients seed = c.manual().summary(c.a0(), c.y());
      ManualGradients strict = c.manual().summaryStrictMask(c.a0(), c.y());
      for (String name : PARAMS) {
        assertAgrees(trial + " " + name, auto.get(name), seed.get(name));
        assertAgrees(trial + " strict " + name, auto.get(name), strict.get(name));
      }
    }
  }

  @Test
  void slip21JWrittenAsASumHasGradientsMTimesTheFormulasWhileTheDeltasAreItsOwn() {
    Case c = Case.random(21, 6);
    Map<String, Tensor> sum = c.autograd(false, 0);
    ManualGradients seed = c.manual().summary(c.a0(), c.y());
    for (String name : PARAMS) {
      assertFactor(name + " vs ∇J_sum", 6, sum.get(name), seed.get(name));
    }
    for (String name : List.of("∂J/∂z(2)", "∂J/∂a(1)", "∂J/∂z(1)")) {
      assertAgrees(name + " vs J_sum", sum.get(name), seed.get(name));
    }
  }

  @Test
  void slip26ExplicitEntryMatrixIsTheTransposeLaidOutRowByRow() {
    Case c = Case.random(26, 6);
    Tensor auto = c.autograd(true, 0).get("∂J/∂W(2)");
    Tensor printed = c.manual().dW2EntryMatrixAsWritten(c.a0(), c.y());
    assertFalse(GradientComparison.compare("W2", auto, printed, 1e-3).agrees());
    assertAgrees("printed = dW2ᵀ reshaped", auto.transpose().reshape(4, 2), printed);
  }

  @Test
  void slip27SumAroundTheWholeProductIsMTimesTheGradient() {
    Case c = Case.random(27, 6);
    assertFactor("(1/m) Σ_i (a1ᵀ δ)", 1.0 / 6, c.autograd(true, 0).get("∂J/∂W(2)"),
        c.manual().dW2OuterProductSumAsWritten(c.a0(), c.y()));
  }

  @Test
  void slip29UpdateAddsLambdaWWhichOnlyARegularisedCostExplains() {
    Case c = Case.random(29, 6);
    double lambda = 0.1;
    Map<String, Tensor> plain = c.autograd(true, 0);
    Map<String, Tensor> regularised = c.autograd(true, lambda);
    for (String name : List.of("∂J/∂W(1)", "∂J/∂W(2)")) {
      Tensor w = name.endsWith("(1)") ? c.w1() : c.w2();
      Tensor direction = TestNetBatchManual.updateDirectionAsWritten(plain.get(name), w, lambda);
      assertFalse(GradientComparison.compare(name, plain.get(name), direction, 1e-3).agrees());
      assertAgrees(name + " direction − ∇J = λW", w.mul(lambda), direction.sub(plain.get(name)));
      assertAgrees(name + " vs ∇(J + λ/2 ΣW²)", regularised.get(name), direction);
    }
  }

  @Test
  void slip28ReluMaskAtZeroTakesTheRightDerivative() {
    Case r = Case.random(28, 6);
    Tensor a0 = r.a0().copy();
    Tensor b1 = r.b1().copy();
    for (int k = 0; k < 3; k++) {
      a0.buffer()[k] = 0;
    }
    b1.buffer()[0] = 0;
    Case c = new Case(a0, r.y(), r.w1(), b1, r.w2(), r.b2());
    Map<String, Tensor> auto = c.autograd(true, 0);
    ManualGradients seed = c.manual().summary(a0, c.y());
    for (String name : List.of("∂J/∂W(1)", "∂J/∂W(2)", "∂J/∂b(2)")) {
      assertAgrees(name, auto.get(name), seed.get(name));
    }
    // only db(1) at the unit whose z(1) is exactly 0 differs, by ∂J/∂a(1) there (autograd's)
    Tensor diff = seed.get("∂J/∂b(1)").sub(auto.get("∂J/∂b(1)"));
    assertEquals(auto.get("∂J/∂a(1)").get(0, 0), diff.get(0, 0), 1e-15);
    assertEquals(0, Math.abs(diff.get(0, 1)) + Math.abs(diff.get(0, 2)) + Math.abs(diff.get(0, 3)),
        1e-15);
    assertAgrees("strict mask", auto.get("∂J/∂b(1)"),
        c.manual().summaryStrictMask(a0, c.y()).get("∂J/∂b(1)"));
  }
}
