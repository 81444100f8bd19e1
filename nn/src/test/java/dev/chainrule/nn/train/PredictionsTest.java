package dev.chainrule.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.layers.Layout;
import org.junit.jupiter.api.Test;

class PredictionsTest {
  /** Four samples of three classes, one per row: a clear winner, a tie, NaNs, all equal. */
  private static final double[] ROWS = {
      0.1, 2.5, -1.0,
      3.0, -2.0, 3.0,
      Double.NaN, 1.0, 0.5,
      -0.5, Double.NaN, -0.25};

  @Test
  void eachSampleGetsItsLargestLogitTheFirstOnTiesAndNaNNeverWinsLater() {
    Tensor rows = Tensor.of(ROWS, 4, 3);
    int[] expected = {1, 0, 0, 2};
    assertArrayEquals(expected, Predictions.classes(rows, Layout.ROW));
    assertArrayEquals(expected, Predictions.classes(rows.transpose(), Layout.COLUMN));
  }

  @Test
  void correctCountsOnlyTheLabelledSamples() {
    Tensor rows = Tensor.of(ROWS, 4, 3);
    assertEquals(2, Predictions.countCorrect(rows, Layout.ROW, new int[] {1, 2, 0}));
    assertEquals(2, Predictions.countCorrect(rows.transpose(), Layout.COLUMN,
        new int[] {1, 2, 0}));
    assertEquals(4, Predictions.countCorrect(rows, Layout.ROW, new int[] {1, 0, 0, 2}));
    assertEquals(0, Predictions.countCorrect(rows, Layout.ROW, new int[] {0, 1, 1, 0}));
  }

  @Test
  void float32LogitsAreReadAsTheirValues() {
    Tensor rows = Tensor.of(ROWS, 4, 3).to(DType.FLOAT32);
    assertArrayEquals(new int[] {1, 0, 0, 2}, Predictions.classes(rows, Layout.ROW));
  }
}
