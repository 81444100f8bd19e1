package dev.chainrule.nn.manual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The comparison helper on values worked out by hand. */
class GradientComparisonTest {
  @Test
  void relativeDifferenceIsNormwiseAgainstTheLargestAutogradElement() {
    Tensor auto = Tensor.row(4, -2, 0);
    Tensor manual = Tensor.row(4, -2, 1e-3);
    GradientDiff d = GradientComparison.compare("g", auto, manual, 1e-12);
    assertEquals(1e-3, d.maxAbsDiff(), 1e-18);
    assertEquals(2.5e-4, d.maxRelDiff(), 1e-18);
    assertEquals(GradientDiff.Verdict.DIFFERS, d.verdict());
    assertEquals(GradientDiff.Verdict.AGREES,
        GradientComparison.compare("g", auto, manual, 1e-3).verdict());
  }

  @Test
  void differentShapesAreAShapeMismatchWithoutNumbers() {
    GradientDiff d = GradientComparison.compare("dW", Tensor.zeros(3, 2), Tensor.zeros(2, 3),
        1e-12);
    assertEquals(GradientDiff.Verdict.SHAPE_MISMATCH, d.verdict());
    assertEquals(Shape.of(2, 3), d.manualShape());
    assertTrue(Double.isNaN(d.maxRelDiff()));
    assertEquals(Double.POSITIVE_INFINITY, GradientComparison.maxRelative(List.of(d)));
  }

  @Test
  void compareAllFollowsAutogradsOrderAndNamesAMissingGradient() {
    Map<String, Tensor> auto = new LinkedHashMap<>();
    auto.put("dW[2]", Tensor.row(1, 2));
    auto.put("db[2]", Tensor.scalar(3));
    Map<String, Tensor> manual = Map.of("db[2]", Tensor.scalar(3), "dW[2]", Tensor.row(1, 2.5));
    List<GradientDiff> diffs = GradientComparison.compareAll(auto, manual, 1e-12);
    assertEquals("dW[2]", diffs.get(0).name());
    // |2 − 2.5| relative to ‖∇‖∞ = 3, the largest element of both gradients, not to max|dW[2]| = 2
    assertEquals(0.5 / 3, diffs.get(0).maxRelDiff(), 1e-15);
    assertEquals(0.5 / 3, GradientComparison.maxRelative(diffs), 1e-15);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GradientComparison.compareAll(auto, Map.of("dW[2]", Tensor.row(1, 2)), 1e-12));
    assertTrue(e.getMessage().contains("db[2]"), e.getMessage());
  }

  @Test
  void commonFactorFindsAnExactMultipleOnly() {
    assertEquals(7, GradientComparison.commonFactor(Tensor.row(7, -14, 0.7),
        Tensor.row(1, -2, 0.1), 1e-12), 1e-12);
    assertTrue(Double.isNaN(GradientComparison.commonFactor(Tensor.row(7, -14),
        Tensor.row(1, -1), 1e-12)));
    assertTrue(Double.isNaN(GradientComparison.commonFactor(Tensor.row(1, 2),
        Tensor.row(0, 0), 1e-12)));
  }
}
