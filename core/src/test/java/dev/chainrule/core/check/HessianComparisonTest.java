package dev.chainrule.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Hand-derived Hessians of the logistic loss compared with autograd's: the textbook's
 * (1/m)·X·diag(A ∘ (1 − A))·Xᵀ agrees; without the 1/m it is m times autograd's; without
 * A ∘ (1 − A) it is 4 times autograd's where every σ is ½ (w = 0) and no multiple elsewhere; a
 * formula of the wrong shape is named so.
 */
class HessianComparisonTest {
  private static final double M = 5;

  private final Graph g = new Graph();
  private final Node x = g.input("X", Tensor.matrix(new double[] {0.5, -1.2, 0.3, 2.0, -0.4},
      new double[] {2.0, 0.1, -0.7, 0.6, 1.3}, new double[] {1, 1, 1, 1, 1}));
  private final Node y = g.input("Y", Tensor.row(1, 0, 1, 0, 1));
  private final Node w = g.parameter("w", Tensor.row(0.4, -0.3, 0.2));
  private final Node a = w.matmul(x).sigmoid().named("A");
  private final Node loss = y.mul(a.log()).add(y.rsub(1).mul(a.rsub(1).log())).mean().neg()
      .named("J");

  private Node weighted(Node weights) {
    return x.matmul(weights.diag()).matmul(false, x, true);
  }

  private FormulaComparison compare(String name, java.util.function.Supplier<Node> formula) {
    return ManualFormulaCheck.compareHessian(loss, w, ManualFormula.graph(name, formula),
        Feeds.none());
  }

  @Test
  void theTextbookHessianAgrees() {
    FormulaComparison c = compare("H = (1/m)·X·diag(A ∘ (1 − A))·Xᵀ",
        () -> weighted(a.mul(a.rsub(1))).div(M));
    assertEquals(Verdict.AGREES, c.verdict(), c.text());
    assertTrue(c.text().startsWith("∂²J/∂w² — H = (1/m)·X·diag(A ∘ (1 − A))·Xᵀ\n"), c.text());
    assertTrue(c.text().contains("against a Hessian of size"), c.text());
    assertTrue(c.text().contains("(central differences of the gradient, h = 1e-6)"), c.text());
    assertTrue((Double) c.toMap().get("autogradVsFiniteDifferences") < 1e-8, c.text());
    assertEquals("∂²J/∂w²", c.toMap().get("hessian"));
  }

  @Test
  void withoutTheOneOverMItIsMTimesTooLarge() {
    FormulaComparison c = compare("H = X·diag(A ∘ (1 − A))·Xᵀ",
        () -> weighted(a.mul(a.rsub(1))));
    assertEquals(Verdict.DIFFERS, c.verdict(), c.text());
    assertEquals(M, c.constantFactor(), 1e-9, c.text());
  }

  @Test
  void withoutTheSigmoidsDerivativeItIsFourTimesTooLargeAtZeroOnly() {
    FormulaComparison c = compare("H = (1/m)·X·Xᵀ", () -> x.matmul(false, x, true).div(M));
    assertEquals(Verdict.DIFFERS, c.verdict(), c.text());
    assertNull(c.constantFactor(), "A ∘ (1 − A) varies with the sample away from w = 0");
    w.storedValue().fillInPlace(0.0);
    FormulaComparison atZero = compare("H = (1/m)·X·Xᵀ", () -> x.matmul(false, x, true).div(M));
    assertEquals(4.0, atZero.constantFactor(), 1e-9, atZero.text());
  }

  @Test
  void aFormulaOfTheWrongShapeIsNamed() {
    FormulaComparison c = compare("H = (1/m)·A·Xᵀ", () -> a.matmul(false, x, true).div(M));
    assertEquals(Verdict.SHAPE_MISMATCH, c.verdict());
    assertEquals("the formula gives shape (1, 3) but ∂²J/∂w² has shape (3, 3) (w has 3 elements)",
        c.message());
  }
}
