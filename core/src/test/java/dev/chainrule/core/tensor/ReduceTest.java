package dev.chainrule.core.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.Naive.Reduction;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sum, mean and max over every subset of axes, with and without keepDims, against the reference.
 */
class ReduceTest {
  private static final int[][] SHAPES = {{}, {5}, {1, 4}, {3, 1}, {2, 3, 4}, {2, 1, 3, 2},
      {2, 0}, {0, 3}};

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (int[] dims : SHAPES) {
      for (int mask = 0; mask < 1 << dims.length; mask++) {
        List<Integer> axes = new ArrayList<>();
        for (int i = 0; i < dims.length; i++) {
          if ((mask >> i & 1) != 0) {
            axes.add(i);
          }
        }
        int[] ax = axes.stream().mapToInt(Integer::intValue).toArray();
        for (boolean keep : new boolean[] {false, true}) {
          out.add(Arguments.of(Shape.of(dims), ax, keep));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} axes {1} keep {2}")
  @MethodSource("cases")
  void reductionsMatchTheReference(Shape shape, int[] axes, boolean keep) {
    if (axes.length == 0 && shape.rank() > 0) {
      // An empty axis list means every axis, like NumPy's axis=None.
      int[] all = new int[shape.rank()];
      java.util.Arrays.setAll(all, i -> i);
      check(shape, new int[0], all, keep);
    } else {
      check(shape, axes, axes, keep);
    }
  }

  private static void check(Shape shape, int[] axes, int[] meaning, boolean keep) {
    Random r = new Random(shape.hashCode() * 7 + meaning.length);
    Tensor x = Samples.uniform(r, -3, 3, shape.dims());
    assertClose(Naive.reduce(x, meaning, keep, Reduction.SUM), Reduce.sum(x, axes, keep));
    assertClose(Naive.reduce(x, meaning, keep, Reduction.MEAN), Reduce.mean(x, axes, keep));
    assertClose(Naive.reduce(x, meaning, keep, Reduction.MAX), Reduce.max(x, axes, keep));
    assertEquals(shape.reduce(meaning, keep), Reduce.sum(x, axes, keep).shape());
    if (!keep) {
      assertClose(Naive.reduce(x, meaning, false, Reduction.SUM), x.sum(axes));
      assertClose(Naive.reduce(x, meaning, false, Reduction.MEAN), x.mean(axes));
      assertClose(Naive.reduce(x, meaning, false, Reduction.MAX), x.max(axes));
    } else {
      assertClose(Naive.reduce(x, meaning, true, Reduction.SUM), x.sumKeepDims(axes));
    }
  }

  private static void assertClose(Tensor expected, Tensor actual) {
    assertEquals(expected.shape(), actual.shape());
    assertTrue(Naive.maxScaledDifference(actual, expected) <= 1e-14,
        () -> "expected " + expected + " but got " + actual);
  }

  @Test
  void maxPropagatesNaNWhereverItSitsAndIgnoresNothingElse() {
    for (int pos = 0; pos < 6; pos++) {
      double[] v = {1, -2, 3, 0.5, -7, 2};
      v[pos] = Double.NaN;
      Tensor x = Tensor.of(v, 2, 3);
      assertTrue(Double.isNaN(x.max().item()), "NaN at " + pos);
      Tensor rows = x.max(1);
      assertEquals(Naive.reduce(x, new int[] {1}, false, Reduction.MAX).toString(),
          rows.toString());
      Tensor cols = Reduce.max(x, new int[] {0}, true);
      assertEquals(Naive.reduce(x, new int[] {0}, true, Reduction.MAX).toString(),
          cols.toString());
      assertTrue(Double.isNaN(x.sum().item()));
    }
    Tensor inf = Tensor.of(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}, 2);
    assertEquals(Double.NEGATIVE_INFINITY, inf.max().item());
  }

  @Test
  void negativeAxesCountFromTheEndAndBadAxesAreRefused() {
    Tensor x = Samples.uniform(new Random(1), -1, 1, 2, 3, 4);
    assertEquals(Reduce.sum(x, new int[] {2}, false), x.sum(-1));
    assertEquals(Reduce.sum(x, new int[] {0, 2}, false), x.sum(0, -1));
    assertThrows(IllegalArgumentException.class, () -> x.sum(3));
    assertThrows(IllegalArgumentException.class, () -> x.max(-4));
  }

  @Test
  void meanOfMatrixByHand() {
    Tensor x = Tensor.matrix(new double[] {1, 2, 3}, new double[] {4, 5, 6});
    assertEquals(Tensor.of(new double[] {2.5, 3.5, 4.5}, 3), x.mean(0));
    assertEquals(Tensor.of(new double[] {2, 5}, 2, 1), Reduce.mean(x, new int[] {1}, true));
    assertEquals(3.5, x.mean().item());
    assertEquals(6.0, x.max().item());
  }
}
