package dev.chainrule.core.graph.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The block walk gather and scatter-add share, offsets worked out by hand; the flat copy. */
class AxisBlocksTest {
  /**
   * A table (2, 3, 2) picked along axis 1 at indices [2, 0]: outer 2, size 3, inner 2, k 2. Table
   * block (o, j) starts at (3o + j)·2, pick block (o, p) at (2o + p)·2; positions outermost.
   */
  @Test
  void forEachPickVisitsEveryPositionThenEveryOuterBlock() {
    List<String> moves = new ArrayList<>();
    AxisBlocks.forEachPick(Tensor.of(new double[] {2, 0}, 2), 2, 3, 2, null,
        (table, picked) -> moves.add(table + "→" + picked));
    assertEquals(List.of("4→0", "10→4", "0→2", "6→6"), moves);
  }

  /** A reshape's copy: the six elements in row-major order, into a tensor of another shape. */
  @Test
  void copyFlatCopiesEveryElementInOrderInEitherDtype() {
    Tensor out = Tensor.zeros(Shape.of(3, 2));
    AxisBlocks.copyFlat(Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3), out);
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, out.toArray(), 0.0);
    Tensor outF = Tensor.zeros(Shape.of(6), DType.FLOAT32);
    AxisBlocks.copyFlat(Tensor.ofFloats(new float[] {0.1f, -2, 3, 4, 5, Float.NaN}, 6), outF);
    assertArrayEquals(new float[] {0.1f, -2, 3, 4, 5, Float.NaN}, outF.floatBuffer());
  }

  @Test
  void forEachPickNamesAnIndexOutOfRangeAndTheUsersLine() {
    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
        () -> AxisBlocks.forEachPick(Tensor.of(new double[] {1, 3}, 2), 1, 3, 1,
            "gather at Model.java:12", (table, picked) -> { }));
    assertTrue(e.getMessage().startsWith("index 3 at position [1] of the indices (2,) is out of "
        + "range for an axis of size 3"), e.getMessage());
    assertTrue(e.getMessage().endsWith("; in gather at Model.java:12"), e.getMessage());
  }
}
