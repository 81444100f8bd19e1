package dev.chainrule.examples.formulas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.check.FormulaComparison;
import dev.chainrule.core.check.ManualFormulaCheck;
import dev.chainrule.core.check.Verdict;
import dev.chainrule.examples.seeds.SeedNetwork;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seed 004's formulas as written, against a 3-4-1 network with m = 8: the verdicts are those of the
 * independent analysis (notes/seeds-analysis.md §5): dW and db formulas right, dA and dZ per-sample
 * (factor m = 8 against the gradients of the mean), np.sum without keepdims the wrong shape.
 */
class SeedFormulasCompareTest {
  private static List<FormulaComparison> compare(SeedNetwork net) {
    NetworkNodes nodes = new NetworkNodes(net);
    List<FormulaComparison> out = new ArrayList<>();
    for (SeedFormula f : SeedFormulas.of(net)) {
      out.add(ManualFormulaCheck.compare(net.loss(), nodes.get(f.wrt()), f.formula(),
          net.feeds()));
    }
    return out;
  }

  @Test
  void seed004VerdictsMatchTheAnalysis() {
    for (boolean relu : new boolean[] {false, true}) {
      List<FormulaComparison> c = compare(Shallow341.build(8, relu, 5));
      List<Verdict> expected = List.of(Verdict.DIFFERS, Verdict.DIFFERS, Verdict.AGREES,
          Verdict.SHAPE_MISMATCH, Verdict.DIFFERS, Verdict.DIFFERS, Verdict.AGREES,
          Verdict.SHAPE_MISMATCH);
      assertEquals(expected, c.stream().map(FormulaComparison::verdict).toList());
      for (int i : new int[] {0, 1, 4, 5}) {
        assertEquals(8.0, c.get(i).constantFactor(), 1e-9, c.get(i).text());
      }
      assertEquals("the formula gives shape (1,) but ∂J/∂b[2] has shape (1, 1) (the shape of "
          + "b[2])", c.get(3).message());
      assertEquals("the formula gives shape (4,) but ∂J/∂b[1] has shape (4, 1) (the shape of "
          + "b[1])", c.get(7).message());
      assertNull(c.get(2).constantFactor());
    }
  }

  @Test
  void seed003ProductsDoNotConformAndTheDimensionCompatibleOnesCollapse() {
    List<FormulaComparison> c = compare(SeedShapes.testnetSingle(9));
    assertEquals(List.of(Verdict.AGREES, Verdict.AGREES, Verdict.SHAPE_MISMATCH,
        Verdict.SHAPE_MISMATCH, Verdict.SHAPE_MISMATCH, Verdict.DIFFERS, Verdict.DIFFERS,
        Verdict.SHAPE_MISMATCH, Verdict.AGREES, Verdict.AGREES, Verdict.AGREES),
        c.stream().map(FormulaComparison::verdict).toList(), String.join("\n",
            c.stream().map(FormulaComparison::text).toList()));
    assertTrue(c.get(2).message().contains("(2, 1) and (3, 1)"), c.get(2).message());
    assertTrue(c.get(7).message().contains("shape (2, 3)") && c.get(7).message().contains(
        "(3, 2)"), c.get(7).message());
    assertNull(c.get(5).constantFactor(), "the scalar collapse is no constant factor");
  }

  @Test
  void seed002PerSampleDeltasAndTheTransposedMatrix() {
    List<FormulaComparison> c = compare(SeedShapes.testnetBatch(6, 4));
    assertEquals(List.of(Verdict.DIFFERS, Verdict.DIFFERS, Verdict.AGREES, Verdict.AGREES,
        Verdict.AGREES, Verdict.AGREES, Verdict.DIFFERS, Verdict.DIFFERS, Verdict.DIFFERS),
        c.stream().map(FormulaComparison::verdict).toList());
    assertEquals(6.0, c.get(0).constantFactor(), 1e-9);
    assertEquals(6.0, c.get(1).constantFactor(), 1e-9);
    assertEquals(6.0, c.get(7).constantFactor(), 1e-9);
    assertNull(c.get(6).constantFactor());
  }

  /**
   * m = 7: the per-sample δ's are m times ∂C/∂Z (seed 000:351); the batch table's db and its dZ
   * fed into dw divide by m twice (0.7, 0.8: factor 1/m); their corrected forms and the table's
   * dZ[L] = ∇_A C ⊙ σ′ on its own agree.
   */
  @Test
  void seed000FourEquationsInTheBatchTable() {
    List<FormulaComparison> c = compare(SeedShapes.fourEquations(7, 6));
    assertEquals(List.of(Verdict.DIFFERS, Verdict.DIFFERS, Verdict.SHAPE_MISMATCH,
        Verdict.DIFFERS, Verdict.SHAPE_MISMATCH, Verdict.AGREES, Verdict.AGREES, Verdict.DIFFERS,
        Verdict.AGREES, Verdict.AGREES, Verdict.DIFFERS, Verdict.AGREES),
        c.stream().map(FormulaComparison::verdict).toList());
    assertEquals(7.0, c.get(0).constantFactor(), 1e-9);
    assertEquals(7.0, c.get(1).constantFactor(), 1e-9);
    assertNull(c.get(3).constantFactor());
    assertEquals(1.0 / 7, c.get(7).constantFactor(), 1e-9);
    assertEquals(1.0 / 7, c.get(10).constantFactor(), 1e-9);
  }

  /** With one sample (m = 1) every factor of m is 1: all but the matrix forms agree. */
  @Test
  void seed000OneSampleEquationsAgree() {
    List<FormulaComparison> c = compare(SeedShapes.fourEquations(1, 6));
    for (int i : new int[] {0, 1, 5, 6, 7, 8, 9, 10, 11}) {
      assertEquals(Verdict.AGREES, c.get(i).verdict(), c.get(i).text());
    }
  }

  @Test
  void seed001FormulasAgreeExceptTheCodesBug() {
    SeedNetwork net = new dev.chainrule.examples.seeds.MazurNetwork().asSeedNetwork();
    List<FormulaComparison> c = compare(net);
    assertEquals(11, c.size());
    for (int i = 0; i < 10; i++) {
      assertEquals(Verdict.AGREES, c.get(i).verdict(), c.get(i).text());
    }
    assertEquals(Verdict.DIFFERS, c.get(10).verdict());
    assertEquals(0.0821670405642, c.get(1).autograd().item(), 1e-12);
  }
}
