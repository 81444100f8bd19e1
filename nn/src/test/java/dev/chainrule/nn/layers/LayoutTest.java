package dev.chainrule.nn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

class LayoutTest {
  @Test
  void shapesFollowTheSeeds() {
    assertEquals(Shape.of(3, 8), Layout.COLUMN.dataShape(3, 8));
    assertEquals(Shape.of(8, 3), Layout.ROW.dataShape(3, 8));
    assertEquals(Shape.of(4, 3), Layout.COLUMN.weightShape(3, 4));
    assertEquals(Shape.of(3, 4), Layout.ROW.weightShape(3, 4));
    assertEquals(Shape.of(4, 1), Layout.COLUMN.biasShape(4));
    assertEquals(Shape.of(1, 4), Layout.ROW.biasShape(4));
    assertEquals(8, Layout.COLUMN.samples(Shape.of(3, 8)));
    assertEquals(3, Layout.ROW.features(Shape.of(8, 3)));
  }

  @Test
  void rowsConvertBothWays() {
    Tensor rows = Tensor.matrix(new double[] {1, 2, 3}, new double[] {4, 5, 6});
    assertEquals(4, Layout.COLUMN.fromRows(rows).get(0, 1));
    assertEquals(rows, Layout.COLUMN.toRows(Layout.COLUMN.fromRows(rows)));
    assertEquals(rows, Layout.ROW.fromRows(rows));
    assertEquals(Layout.ROW, Layout.parse("Row"));
  }
}
