package dev.chainrule.core.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Rows#gather}, on one thread and split over three, checked element by element against the
 * rule "row k of the result is row indices[k] of the source", read from the source's values: each
 * source element encodes its own row and column.
 */
class RowsTest {
  @AfterEach
  void restoreThreads() {
    Gemm.setThreads(Runtime.getRuntime().availableProcessors());
  }

  /** A rows × width source whose element (i, j) is i + j / 1024 (exact in float32 too). */
  private static Tensor source(int rows, int width, DType dtype) {
    Tensor t = Tensor.zeros(Shape.of(rows, width));
    double[] d = t.buffer();
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < width; j++) {
        d[i * width + j] = i + j / 1024.0;
      }
    }
    return t.to(dtype);
  }

  private static int[] shuffled(int count, int rows, long seed) {
    Random r = new Random(seed);
    int[] out = new int[count];
    for (int k = 0; k < count; k++) {
      out[k] = r.nextInt(rows);
    }
    return out;
  }

  @ParameterizedTest(name = "{0} rows of {1} in {2} on {3} threads")
  @CsvSource({
      "5, 3, FLOAT64, 1", "5, 3, FLOAT32, 3",
      "1000, 300, FLOAT64, 3", "1000, 300, FLOAT32, 3", "1000, 300, FLOAT64, 1",
      "877, 301, FLOAT64, 2", "877, 301, FLOAT32, 2"})
  void eachRowIsTheSourceRowItsIndexNames(int count, int width, DType dtype, int threads) {
    Gemm.setThreads(threads);
    Tensor src = source(2 * count + 7, width, dtype);
    int[] indices = shuffled(count, 2 * count + 7, count + width);
    Tensor out = Tensor.zeros(Shape.of(count + 2, width)).to(dtype);
    Rows.gather(src, indices, out);
    double[] got = out.to(DType.FLOAT64).buffer();
    for (int k = 0; k < count; k++) {
      for (int j = 0; j < width; j++) {
        assertEquals(indices[k] + j / 1024.0, got[k * width + j], "row " + k + ", column " + j);
      }
    }
    for (int j = 0; j < 2 * width; j++) {
      assertEquals(0.0, got[count * width + j], "rows past the indices stay as they were");
    }
  }

  @Test
  void aSplitGatherIsLargeEnoughToBeSplit() {
    assertTrue(1000 * 300 >= Rows.PARALLEL_ELEMENTS && 877 * 301 >= Rows.PARALLEL_ELEMENTS);
    assertTrue(877 % Rows.CHUNK_ROWS != 0, "a short last chunk is covered");
  }

  @Test
  void repeatedIndicesCopyTheSameRowAgain() {
    Tensor src = source(4, 2, DType.FLOAT64);
    Tensor out = Tensor.zeros(Shape.of(3, 2));
    Rows.gather(src, new int[] {3, 0, 3}, out);
    assertArrayEquals(new double[] {3, 3 + 1 / 1024.0, 0, 1 / 1024.0, 3, 3 + 1 / 1024.0},
        out.buffer());
  }

  @Test
  void anIndexOutsideTheSourceIsNamedWithItsPosition() {
    Tensor src = source(4, 2, DType.FLOAT64);
    var e = assertThrows(IndexOutOfBoundsException.class,
        () -> Rows.gather(src, new int[] {1, 4}, Tensor.zeros(Shape.of(2, 2))));
    assertEquals("row index 4 (at position 1) is outside the 4 rows of (4, 2)", e.getMessage());
  }

  @Test
  void shapesThatDoNotFitAreNamed() {
    Tensor src = source(4, 2, DType.FLOAT64);
    var width = assertThrows(IllegalArgumentException.class,
        () -> Rows.gather(src, new int[] {0}, Tensor.zeros(Shape.of(1, 3))));
    assertEquals("rows of (4, 2) do not fit rows of (1, 3): widths 2 and 3", width.getMessage());
    var many = assertThrows(IllegalArgumentException.class,
        () -> Rows.gather(src, new int[] {0, 1}, Tensor.zeros(Shape.of(1, 2))));
    assertEquals("2 rows do not fit in (1, 2)", many.getMessage());
    var dtype = assertThrows(IllegalArgumentException.class,
        () -> Rows.gather(src, new int[] {0}, Tensor.zeros(Shape.of(1, 2)).to(DType.FLOAT32)));
    assertEquals("rows of a float64 matrix cannot be gathered into a float32 one; convert one of "
        + "them with to(DType)", dtype.getMessage());
    var rank = assertThrows(IllegalArgumentException.class,
        () -> Rows.gather(Tensor.zeros(Shape.of(8)), new int[] {0}, Tensor.zeros(Shape.of(1, 2))));
    assertTrue(rank.getMessage().startsWith("gathering rows needs two matrices"),
        rank.getMessage());
  }
}
