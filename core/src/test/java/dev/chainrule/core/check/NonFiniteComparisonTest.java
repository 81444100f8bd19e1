package dev.chainrule.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.GraphMismatchException;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Comparison reports when a value is not finite, and formulas built on another graph. The loss
 * is J = Σ x² at x = (1, 2, 3), so ∂J/∂x = 2x = (2, 4, 6) by hand: a gradient of size 6.
 */
class NonFiniteComparisonTest {
  private final Graph g = new Graph();
  private final Node x = g.parameter("x", Tensor.of(new double[] {1, 2, 3}, 3));
  private final Node loss = x.square().sum().named("J");

  private FormulaComparison compare(double... manual) {
    return ManualFormulaCheck.compare(loss, x, ManualFormula.tensors("2x, with a hole",
        v -> Tensor.of(manual, manual.length)), Feeds.none());
  }

  @Test
  @SuppressWarnings("unchecked")
  void aNanInTheFormulaIsReportedWhereItIsAndTheGradientKeepsItsSize() {
    FormulaComparison c = compare(2, Double.NaN, 6);
    String text = c.text();
    assertEquals(Verdict.DIFFERS, c.verdict(), text);
    assertTrue(text.contains("manual is NaN at 1 of 3 elements, first at (1), where autograd is 4"),
        text);
    assertTrue(text.contains("against a gradient of size 6.00;"), text);
    assertTrue(text.contains("at (1):") && text.contains("autograd 4, manual NaN"), text);
    assertFalse(text.contains("size NaN"), text);
    assertFalse(text.contains("max rel error 0,"), "a relative error of 0 next to a NaN: " + text);
    assertFalse(text.contains("manual = NaN"), text);
    assertNull(c.constantFactor(), "no constant factor relates NaN to 4");
    assertTrue(Double.isNaN(c.maxAbsoluteError()), "the largest error over all elements is NaN");
    Map<String, Object> nonFinite = (Map<String, Object>) c.toMap().get("nonFinite");
    assertEquals(1, nonFinite.get("count"), c.toJson());
    assertEquals(List.of(1), nonFinite.get("first"), c.toJson());
    assertEquals("manual", nonFinite.get("side"), c.toJson());
  }

  @Test
  void theFiniteElementsAreStillMeasured() {
    FormulaComparison c = compare(2, Double.POSITIVE_INFINITY, 6.5);
    String text = c.text();
    assertTrue(text.contains("manual is not finite at 1 of 3 elements, first at (1)"), text);
    assertTrue(text.contains("elsewhere max error 0.500 against a gradient of size 6.50"), text);
  }

  @Test
  void aFiniteFormulaKeepsItsReport() {
    FormulaComparison c = compare(1, 2, 3);
    assertEquals(0.5, c.constantFactor(), 1e-12);
    assertFalse(c.text().contains("not finite") || c.text().contains("NaN"), c.text());
    assertTrue(c.toMap().containsKey("nonFinite") && c.toMap().get("nonFinite") == null,
        c.toJson());
  }

  @Test
  void aFormulaBuiltOnAnotherGraphIsRefused() {
    Graph other = new Graph();
    Node y = other.parameter("x", Tensor.of(new double[] {1, 2, 3}, 3));
    GraphMismatchException e = assertThrows(GraphMismatchException.class,
        () -> ManualFormulaCheck.compare(loss, x, ManualFormula.graph("2x on a copy",
            () -> y.mul(2.0)), Feeds.none()));
    assertTrue(e.getMessage().contains("2x on a copy") && e.getMessage().contains("J"),
        e.getMessage());
  }

  @Test
  void aFormulaMixingTwoGraphsIsRefusedAsAMismatchNotAShapeError() {
    Graph other = new Graph();
    Node y = other.parameter("y", Tensor.of(new double[] {1, 2, 3}, 3));
    assertThrows(GraphMismatchException.class, () -> ManualFormulaCheck.compare(loss, x,
        ManualFormula.graph("x + y", () -> x.add(y)), Feeds.none()));
  }
}
