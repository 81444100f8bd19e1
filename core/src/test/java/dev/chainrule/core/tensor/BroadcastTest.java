package dev.chainrule.core.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Broadcasting binary kernels on every pair of a shape list, against {@link Naive#binary}. */
class BroadcastTest {
  private static final int[][] SHAPES = {{}, {1}, {3}, {1, 3}, {2, 1}, {2, 3}, {3, 2},
      {4, 1, 3}, {4, 2, 1}, {1, 2, 3}, {2, 2, 3}, {5, 1, 1, 3}, {0, 3}, {2, 0}};

  static Stream<Arguments> pairs() {
    List<Arguments> out = new ArrayList<>();
    for (int[] a : SHAPES) {
      for (int[] b : SHAPES) {
        out.add(Arguments.of(Shape.of(a), Shape.of(b)));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("pairs")
  void everyPairBroadcastsLikeTheReferenceOrIsRefused(Shape sa, Shape sb) {
    Random r = new Random(Arrays.hashCode(sa.dims()) * 31 + Arrays.hashCode(sb.dims()));
    Tensor a = Samples.uniform(r, -2, 2, sa.dims());
    Tensor b = Samples.awayFromZero(r, 0.5, 2, sb.dims());
    int[] expectedDims = Naive.broadcastDims(sa.dims(), sb.dims());
    if (expectedDims == null) {
      assertEquals(null, Shape.broadcastOrNull(sa, sb));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.add(b));
      assertTrue(e.getMessage().contains(sa.toString()) && e.getMessage().contains(sb.toString()),
          e.getMessage());
      return;
    }
    assertEquals(Shape.of(expectedDims), Shape.broadcastOrNull(sa, sb));
    List<BinaryOperator<Tensor>> kernels = List.of(Tensor::add, Tensor::sub, Tensor::mul,
        Tensor::div, (x, y) -> Broadcast.apply(x, y, Math::atan2));
    List<DoubleBinaryOperator> reference = List.of(Double::sum, (x, y) -> x - y, (x, y) -> x * y,
        (x, y) -> x / y, Math::atan2);
    for (int k = 0; k < kernels.size(); k++) {
      Tensor got = kernels.get(k).apply(a, b);
      Tensor want = Naive.binary(a, b, reference.get(k));
      assertEquals(want.shape(), got.shape());
      assertEquals(want, got, "kernel " + k + " of " + sa + " and " + sb);
    }
    Tensor swapped = Broadcast.apply(b, a, (x, y) -> x - 2 * y);
    assertEquals(Naive.binary(b, a, (x, y) -> x - 2 * y), swapped, "operand order");
  }

  @Test
  void writingIntoAnOperandIsAllowedWhenItHasTheOutputShape() {
    Random r = new Random(5);
    Tensor a = Samples.uniform(r, -1, 1, 2, 3);
    Tensor b = Samples.uniform(r, -1, 1, 3);
    Tensor expected = Naive.binary(a, b, (x, y) -> x * y);
    Broadcast.into(a, b, a, (x, y) -> x * y);
    assertEquals(expected, a);
  }

  @Test
  void broadcastToCopiesAlongNewAndUnitAxes() {
    Random r = new Random(6);
    int[][][] cases = {{{3, 1}, {2, 3, 4}}, {{}, {2, 2}}, {{4}, {3, 4}}, {{1, 1}, {1, 1}},
        {{2, 1, 3}, {2, 5, 3}}};
    for (int[][] c : cases) {
      Tensor a = Samples.uniform(r, -1, 1, c[0]);
      Tensor got = a.broadcastTo(Shape.of(c[1]));
      assertEquals(Naive.broadcastTo(a, c[1]), got, Shape.of(c[0]) + " → " + Shape.of(c[1]));
      assertTrue(Shape.of(c[0]).broadcastsTo(Shape.of(c[1])));
    }
    assertEquals(false, Shape.of(3).broadcastsTo(Shape.of(2, 4)));
    assertEquals(false, Shape.of(2, 3).broadcastsTo(Shape.of(3)));
    assertThrows(IllegalArgumentException.class, () -> Tensor.ones(3).broadcastTo(Shape.of(4)));
  }

  @Test
  void broadcastReusesAnOperandsShapeWhenTheResultEqualsIt() {
    Shape big = Shape.of(4, 3);
    assertSame(big, Shape.broadcastOrNull(big, Shape.of(3)));
    assertSame(big, Shape.broadcastOrNull(Shape.of(1, 3), big));
    assertEquals(Shape.of(4, 3), Shape.broadcastOrNull(Shape.of(4, 1), Shape.of(1, 3)));
  }
}
