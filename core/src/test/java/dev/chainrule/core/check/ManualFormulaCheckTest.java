package dev.chainrule.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.testing.SeedLike;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * Hand-derived formulas against reverse mode and finite differences, on the seed-004-like 3-4-1
 * network (m = 8) and the seed-003-like 2-3-2 one: right formulas agree, a wrong factor differs by
 * exactly that factor, and products that do not conform are reported as a shape mismatch.
 */
class ManualFormulaCheckTest {
  private final SeedLike.Net net = SeedLike.shallow(8, 11);
  private final Node y = net.node("Y");
  private final Node a1 = net.node("A[1]");
  private final Node a2 = net.node("A[2]");

  @Test
  void theSeedsDw2AgreesAsAGraphExpression() {
    FormulaComparison c = ManualFormulaCheck.compare(net.loss(), net.node("W[2]"),
        ManualFormula.graph("seed 004: dW[2] = (1/m)·dZ[2]·A[1]ᵀ",
            () -> a2.sub(y).matmul(false, a1, true).div(8)), Feeds.none());
    assertEquals(Verdict.AGREES, c.verdict(), c.text());
    assertTrue(c.maxRelativeError() < 1e-12, c.text());
    assertTrue(c.text().contains("AGREES"), c.text());
    assertTrue(c.text().contains("built as:") && c.text().contains("A[1]ᵀ"), c.text());
    assertTrue(c.toJson().contains("\"verdict\": \"AGREES\""), c.toJson());
    ManualFormulaCheck.assertAgrees(c);
  }

  @Test
  void theSeedsDz2IsMTimesTheGradientOfTheMean() {
    FormulaComparison c = ManualFormulaCheck.compare(net.loss(), net.node("Z[2]"),
        ManualFormula.graph("seed 004: dZ[2] = A[2] − Y", () -> a2.sub(y)), Feeds.none());
    assertEquals(Verdict.DIFFERS, c.verdict());
    assertEquals(8.0, c.constantFactor(), 1e-9);
    assertNotNull(c.numeric(), "finite differences with respect to an intermediate node");
    assertTrue(Errors.maxAbs(c.numeric(), c.autograd()) < 1e-9, c.text());
    assertTrue(c.text().contains("manual = 8 × autograd at every element"), c.text());
    AssertionError e = assertThrows(AssertionError.class, () -> ManualFormulaCheck.assertAgrees(
        net.loss(), net.node("Z[2]"), ManualFormula.graph("A − Y", () -> a2.sub(y)),
        Feeds.none()));
    assertTrue(e.getMessage().contains("DIFFERS"), e.getMessage());
  }

  @Test
  void aWrongTransposeIsAShapeMismatchNamingBothShapes() {
    FormulaComparison c = ManualFormulaCheck.compare(net.loss(), net.node("W[2]"),
        ManualFormula.graph("dW[2] = (1/m)·dZ[2]ᵀ·A[1]",
            () -> a2.sub(y).T().matmul(a1).div(8)), Feeds.none());
    assertEquals(Verdict.SHAPE_MISMATCH, c.verdict());
    assertTrue(c.message().contains("(8, 1)") && c.message().contains("(4, 8)"), c.message());
    assertNull(c.manual());
    assertTrue(c.text().contains("SHAPE_MISMATCH"), c.text());
    assertTrue(c.toJson().contains("\"manualShape\": null"), c.toJson());
  }

  @Test
  void aShapeErrorInsideAFormulaNamesTheSubExpressionsNotAutomaticNames() {
    FormulaComparison c = ManualFormulaCheck.compare(net.loss(), net.node("W[2]"),
        ManualFormula.graph("dW[2] = (1/m)·dZ[2]ᵀ·A[1]",
            () -> a2.sub(y).T().matmul(a1).div(8)), Feeds.none());
    assertTrue(c.message().contains("matmul of (A[2] − Y)ᵀ (8, 1) and A[1] (4, 8)"),
        c.message());
    assertFalse(c.message().matches("(?s).*\\b[a-z]+_\\d+\\b.*"),
        "an automatic node name such as mul_250: " + c.message());
  }

  @Test
  void aSumWithoutKeepdimsHasTheWrongShape() {
    FormulaComparison c = ManualFormulaCheck.compare(net.loss(), net.node("b[2]"),
        ManualFormula.graph("db[2] = (1/m)·np.sum(dZ[2], axis=1)", () -> a2.sub(y).sum(1).div(8)),
        Feeds.none());
    assertEquals(Verdict.SHAPE_MISMATCH, c.verdict());
    assertTrue(c.message().contains("(1,)") && c.message().contains("(1, 1)"), c.message());
  }

  @Test
  void aFormulaOnTensorsAgrees() {
    FormulaComparison c = ManualFormulaCheck.compare(net.loss(), net.node("W[1]"),
        ManualFormula.tensors("dW[1] = (1/m)·(W[2]ᵀ·dZ[2] ∘ (1 − A[1]²))·Xᵀ", v -> {
          Tensor dz2 = v.get("A[2]").sub(v.get("Y"));
          Tensor slope = v.get("A[1]").map(a -> 1 - a * a);
          Tensor dz1 = v.get("W[2]").transpose(1, 0).matmul(dz2).mul(slope);
          return dz1.matmul(v.get("X").transpose(1, 0)).mul(1.0 / 8);
        }), Feeds.none());
    assertEquals(Verdict.AGREES, c.verdict(), c.text());
  }

  @Test
  void aFormulaAskingForAnUnknownNameSaysWhichNamesExist() {
    NoSuchElementException e = assertThrows(NoSuchElementException.class,
        () -> ManualFormulaCheck.compare(net.loss(), net.node("W[1]"),
            ManualFormula.tensors("uses A[3]", v -> v.get("A[3]")), Feeds.none()));
    assertTrue(e.getMessage().contains("A[3]") && e.getMessage().contains("Z[1]"),
        e.getMessage());
  }

  @Test
  void seed003ChainRuleProductsDoNotConform() {
    SeedLike.Net single = SeedLike.testnetSingle(5);
    FormulaComparison c = ManualFormulaCheck.compare(single.loss(), single.node("W[2]"),
        ManualFormula.tensors("seed 003: ∂J/∂W[2] = [p − 1(y)]·a[1]",
            v -> v.get("P").sub(v.get("Y")).matmul(v.get("A[1]"))), Feeds.none());
    assertEquals(Verdict.SHAPE_MISMATCH, c.verdict());
    assertTrue(c.message().contains("(2, 1)") && c.message().contains("(3, 1)"), c.message());
  }

  @Test
  void seed003DimensionCompatibleFormulaConformsButCollapsesToAScalar() {
    SeedLike.Net single = SeedLike.testnetSingle(5);
    FormulaComparison c = ManualFormulaCheck.compare(single.loss(), single.node("W[1]"),
        ManualFormula.tensors(
            "seed 003: (W[2])ᵀ·[p − 1(y)]·(g(z[1]))ᵀ·(1 − g(z[1]))·(a[0])ᵀ + λW[1]",
            v -> {
              Tensor g = v.get("A[1]");
              Tensor delta = v.get("P").sub(v.get("Y"));
              Tensor s = g.transpose(1, 0).matmul(g.map(x -> 1 - x));
              return v.get("W[2]").transpose(1, 0).matmul(delta).matmul(s)
                  .matmul(v.get("A[0]").transpose(1, 0)).add(v.get("W[1]").mul(0.1));
            }), Feeds.none());
    assertEquals(Verdict.DIFFERS, c.verdict(), c.text());
    assertNull(c.constantFactor(), "the collapse is not a constant factor");
  }

  @Test
  void aTransposedGradientIsRecognised() {
    FormulaComparison c = ManualFormulaCheck.compare(net.loss(), net.node("W[1]"),
        ManualFormula.tensors("Xᵀ-first", v -> {
          Tensor dz2 = v.get("A[2]").sub(v.get("Y"));
          Tensor dz1 = v.get("W[2]").transpose(1, 0).matmul(dz2)
              .mul(v.get("A[1]").map(a -> 1 - a * a));
          return v.get("X").matmul(dz1.transpose(1, 0)).mul(1.0 / 8);
        }), Feeds.none());
    assertEquals(Verdict.SHAPE_MISMATCH, c.verdict());
    assertTrue(c.isTransposed(), c.text());
    assertTrue(c.text().contains("transpose"), c.text());
  }
}
