package dev.chainrule.core.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How shapes, numbers and tensors are written: as NumPy prints them, compactly. */
class FormatTest {
  @Test
  void shapesPrintAsTuples() {
    assertEquals("()", Shape.scalar().toString());
    assertEquals("(5,)", Shape.of(5).toString());
    assertEquals("(3, 4)", Shape.of(3, 4).toString());
    assertEquals("(2, 0, 1)", Shape.of(2, 0, 1).toString());
  }

  @Test
  void numbersUseUpToNineSignificantDigitsWithoutTrailingZeros() {
    assertEquals("0", TensorFormat.number(0.0));
    assertEquals("0", TensorFormat.number(-0.0));
    assertEquals("-2", TensorFormat.number(-2));
    assertEquals("2.5", TensorFormat.number(2.5));
    assertEquals("-1.25", TensorFormat.number(-1.25));
    assertEquals("0.3", TensorFormat.number(0.1 + 0.2));
    assertEquals("0.333333333", TensorFormat.number(1.0 / 3));
    assertEquals("0.666666667", TensorFormat.number(2.0 / 3));
    assertEquals("123456.789", TensorFormat.number(123456.789));
    assertEquals("100000000", TensorFormat.number(100000000.4), "zeros before the point stay");
    assertEquals("1e+09", TensorFormat.number(1e9 + 0.4));
    assertEquals("0.0001", TensorFormat.number(1e-4));
    assertEquals("1e-07", TensorFormat.number(1e-7));
    assertEquals("2.5e-05", TensorFormat.number(2.5e-5));
    assertEquals("1.5e+20", TensorFormat.number(1.5e20));
    assertEquals("1e+15", TensorFormat.number(1e15));
    assertEquals("1.23456789e+09", TensorFormat.number(1234567891.5));
    assertEquals("NaN", TensorFormat.number(Double.NaN));
    assertEquals("Infinity", TensorFormat.number(Double.POSITIVE_INFINITY));
    assertEquals("-Infinity", TensorFormat.number(Double.NEGATIVE_INFINITY));
  }

  @Test
  void tensorsPrintAsNestedBrackets() {
    assertEquals("2.5", Tensor.scalar(2.5).toString());
    assertEquals("[1, 2, 3]", Tensor.of(new double[] {1, 2, 3}, 3).toString());
    assertEquals("[[1, 2], [3, 4]]", Tensor.matrix(new double[] {1, 2}, new double[] {3, 4})
        .toString());
    assertEquals("[[0.5], [-1]]", Tensor.column(0.5, -1).toString());
    assertEquals("[[[1, 2]], [[3, 4]]]", Tensor.of(new double[] {1, 2, 3, 4}, 2, 1, 2)
        .toString());
    assertEquals("[]", Tensor.zeros(0).toString());
    assertEquals("[[], []]", Tensor.zeros(2, 0).toString());
  }

  @Test
  void longDimensionsShowThreeElementsAtEachEnd() {
    assertEquals("[0, 1, 2, 3, 4, 5, 6, 7]", range(8).toString());
    assertEquals("[0, 1, 2, …, 6, 7, 8]", range(9).toString());
    assertEquals("[0, 1, 2, …, 97, 98, 99]", range(100).toString());
    Tensor tall = range(20).reshape(10, 2);
    assertEquals("[[0, 1], [2, 3], [4, 5], …, [14, 15], [16, 17], [18, 19]]", tall.toString());
  }

  private static Tensor range(int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = i;
    }
    return Tensor.of(v, n);
  }
}
