package dev.chainrule.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * A formula for per-sample gradients, compared with the gradient of a mean. J = (1/4)·Σᵢ zᵢ² over
 * m = 4 samples z = (1, −2, 3, 0.5), so ∂J/∂z = zᵢ/2 by hand, while each sample's own loss
 * L⁽ⁱ⁾ = zᵢ² has ∂L⁽ⁱ⁾/∂zᵢ = 2zᵢ: four times as much, the m the mean divides by.
 */
class PerSampleReadingTest {
  private final Graph g = new Graph();
  private final Node z = g.parameter("z", Tensor.row(1, -2, 3, 0.5));
  private final Node loss = z.square().mean().named("J");

  private FormulaComparison compare(String name, double factor) {
    return ManualFormulaCheck.compare(loss, z, ManualFormula.graph(name, () -> z.mul(factor)),
        Feeds.none());
  }

  @Test
  void theStackedPerSampleGradientAgreesPerSampleAndDiffersFromTheBatchGradientByM() {
    FormulaComparison c = compare("dz = 2z", 2).perSample(4);
    assertEquals(Verdict.DIFFERS, c.verdict());
    assertTrue(c.agreesPerSample());
    assertTrue(c.text().contains("verdict:             AGREES per sample; DIFFERS from the "
        + "batch gradient by the factor m = 4 ("), c.text());
    assertEquals(true, c.toMap().get("agreesPerSample"));
  }

  @Test
  void anotherFactorIsABareDiffers() {
    FormulaComparison c = compare("dz = 3z", 3).perSample(4);
    assertFalse(c.agreesPerSample());
    assertTrue(c.text().contains("verdict:             DIFFERS ("), c.text());
    assertFalse(c.text().contains("per sample"), c.text());
  }

  @Test
  void theGradientOfTheMeanItselfStillAgrees() {
    FormulaComparison c = compare("dz = z/2", 0.5).perSample(4);
    assertEquals(Verdict.AGREES, c.verdict());
    assertFalse(c.agreesPerSample());
    assertThrows(IllegalArgumentException.class, () -> c.perSample(1));
  }
}
