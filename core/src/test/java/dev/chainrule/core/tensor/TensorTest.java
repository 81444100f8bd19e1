package dev.chainrule.core.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The value API of tensors and shapes, with expected values written out by hand. */
class TensorTest {
  @Test
  void factoriesLayOutRowMajor() {
    Tensor m = Tensor.matrix(new double[] {1, 2, 3}, new double[] {4, 5, 6});
    assertEquals(Shape.of(2, 3), m.shape());
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, m.toArray());
    assertEquals(6.0, m.get(1, 2));
    assertEquals(Shape.of(2, 1), Tensor.column(7, 8).shape());
    assertEquals(Shape.of(1, 2), Tensor.row(7, 8).shape());
    assertEquals(3.5, Tensor.scalar(3.5).item());
    assertEquals(Tensor.of(new double[] {2, 2}, 2), Tensor.full(Shape.of(2), 2));
    assertArrayEquals(new double[][] {{1, 2, 3}, {4, 5, 6}}, m.toMatrix());
  }

  @Test
  void ofCopiesWhileWrapTakesOwnership() {
    double[] v = {1, 2};
    Tensor copied = Tensor.of(v, 2);
    Tensor wrapped = Tensor.wrap(Shape.of(2), v);
    v[0] = 9;
    assertEquals(1.0, copied.get(0));
    assertEquals(9.0, wrapped.get(0));
    assertSame(v, wrapped.buffer());
    assertNotSame(v, copied.buffer());
  }

  @Test
  void badArgumentsAreRefusedWithTheirSizes() {
    IllegalArgumentException n = assertThrows(IllegalArgumentException.class,
        () -> Tensor.of(new double[] {1, 2, 3}, 2, 2));
    assertTrue(n.getMessage().contains("(2, 2)") && n.getMessage().contains("3"), n.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Tensor.matrix(new double[] {1, 2}, new double[] {3}));
    assertThrows(IndexOutOfBoundsException.class, () -> Tensor.zeros(2, 3).get(2, 0));
    assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).get(1));
    assertThrows(IllegalStateException.class, () -> Tensor.zeros(2).item());
    assertThrows(IllegalStateException.class, () -> Tensor.zeros(2).toMatrix());
    assertThrows(IllegalArgumentException.class, () -> Shape.of(2, -1));
    assertThrows(IllegalArgumentException.class, () -> Shape.of(1 << 16, 1 << 16));
  }

  @Test
  void inPlaceMethodsModifyOnlyThisTensor() {
    Tensor a = Tensor.of(new double[] {1, 2, 3}, 3);
    Tensor b = Tensor.of(new double[] {10, 20, 30}, 3);
    a.addScaledInPlace(0.5, b);
    assertEquals(Tensor.of(new double[] {6, 12, 18}, 3), a);
    assertEquals(Tensor.of(new double[] {10, 20, 30}, 3), b);
    a.scaleInPlace(-1);
    assertEquals(Tensor.of(new double[] {-6, -12, -18}, 3), a);
    a.copyFromInPlace(b);
    assertEquals(b, a);
    a.fillInPlace(0);
    assertEquals(Tensor.zeros(3), a);
    assertThrows(IllegalArgumentException.class, () -> a.addScaledInPlace(1, Tensor.zeros(4)));
    assertThrows(IllegalArgumentException.class, () -> a.copyFromInPlace(Tensor.zeros(3, 1)));
  }

  @Test
  void valueMethodsReturnNewTensors() {
    Tensor a = Tensor.of(new double[] {1, -2}, 2);
    Tensor doubled = a.mul(2);
    assertEquals(Tensor.of(new double[] {2, -4}, 2), doubled);
    assertEquals(Tensor.of(new double[] {4, 1}, 2), a.add(3));
    assertEquals(Tensor.of(new double[] {1, 4}, 2), a.map(x -> x * x));
    assertEquals(Tensor.of(new double[] {1, -2}, 2), a, "the receiver is unchanged");
    Tensor copy = a.copy();
    assertEquals(a, copy);
    assertNotSame(a.buffer(), copy.buffer());
    assertEquals(3.0, a.maxAbsDifference(Tensor.of(new double[] {1, 1}, 2)));
  }

  @Test
  void equalityIsShapeAndBitsAndHashesAgree() {
    Tensor a = Tensor.of(new double[] {1, 2}, 2);
    assertEquals(a, Tensor.of(new double[] {1, 2}, 2));
    assertEquals(a.hashCode(), Tensor.of(new double[] {1, 2}, 2).hashCode());
    assertNotEquals(a, Tensor.of(new double[] {1, 2}, 1, 2));
    assertNotEquals(Tensor.scalar(0.0), Tensor.scalar(-0.0));
    assertEquals(Tensor.scalar(Double.NaN), Tensor.scalar(Double.NaN));
  }

  @Test
  void shapesKnowTheirSizeStridesAxesAndReductions() {
    Shape s = Shape.of(2, 3, 4);
    assertEquals(24, s.size());
    assertEquals(3, s.rank());
    assertArrayEquals(new int[] {12, 4, 1}, s.strides());
    assertEquals(4, s.dim(-1));
    assertEquals(1, s.normalizeAxis(-2));
    assertThrows(IllegalArgumentException.class, () -> s.normalizeAxis(3));
    assertEquals(Shape.of(2, 4), s.reduce(new int[] {1}, false));
    assertEquals(Shape.of(1, 3, 1), s.reduce(new int[] {0, 2}, true));
    assertEquals(Shape.scalar(), s.reduce(new int[] {0, 1, 2}, false));
    assertEquals(1, Shape.scalar().size());
    assertEquals(0, Shape.of(3, 0).size());
    int[] dims = s.dims();
    dims[0] = 99;
    assertEquals(2, s.dim(0), "dims() is a copy");
  }
}
