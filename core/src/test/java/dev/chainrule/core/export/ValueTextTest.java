package dev.chainrule.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.export.ExportOptions.ValueDisplay;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The value lines of node labels. */
class ValueTextTest {
  @Test
  void numbersHaveFiveSignificantDigitsAndATypographicMinus() {
    assertEquals("0.59327", ValueText.number(0.593269992));
    assertEquals("\u22120.5", ValueText.number(-0.5));
    assertEquals("2", ValueText.number(2.0));
    assertEquals("0", ValueText.number(-0.0));
    assertEquals("1e-07", ValueText.number(1e-7));
    assertEquals("1.2346e+06", ValueText.number(1234567.8));
  }

  @Test
  void smallTensorsAreShownInFullOneRowPerLine() {
    ValueText t = ValueText.of(Tensor.matrix(new double[] {1, 2}, new double[] {3, 4.5}),
        ValueDisplay.VALUES, 6, "");
    assertEquals(List.of("[1, 2]", "[3, 4.5]"), t.lines());
    assertEquals(List.of("= 0.25"), ValueText.of(Tensor.scalar(0.25), ValueDisplay.VALUES, 6, "")
        .lines());
  }

  @Test
  void bigTensorsAreSummarised() {
    double[] d = new double[10];
    for (int i = 0; i < d.length; i++) {
      d[i] = i + 1;
    }
    // 1..10: mean 5.5, population variance (n² − 1)/12 = 8.25, sd 2.8723
    ValueText t = ValueText.of(Tensor.of(d, 2, 5), ValueDisplay.VALUES, 6, "grad ");
    assertEquals(List.of("grad mean 5.5, sd 2.8723", "min 1, max 10"), t.lines());
    assertFalse(t.alarming());
    ValueText s = ValueText.of(Tensor.scalar(3), ValueDisplay.STATISTICS, 6, "");
    assertEquals(List.of("mean 3, sd 0", "min 3, max 3"), s.lines());
  }

  @Test
  void nonFiniteElementsRaiseTheAlarmAndAreLeftOutOfTheStatistics() {
    double[] d = {1, 3, Double.NaN, Double.POSITIVE_INFINITY, 5, 7, 9, 11};
    ValueText t = ValueText.of(Tensor.of(d, 8), ValueDisplay.VALUES, 6, "");
    assertTrue(t.alarming());
    // finite elements 1 3 5 7 9 11: mean 6, variance 70/6, sd 3.4157
    assertEquals(List.of("mean 6, sd 3.4157", "min 1, max 11", "1 NaN, 1 infinite of 8"),
        t.lines());
  }
}
