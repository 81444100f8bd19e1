package dev.chainrule.core.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Transposes under every permutation, and reshapes, against the index-by-index reference. */
class PermuteTest {
  private static final int[][] SHAPES = {{}, {4}, {2, 3}, {1, 5}, {70, 45}, {33, 2}, {2, 3, 4},
      {3, 1, 2}, {2, 3, 2, 2}, {0, 2, 3}};

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (int[] dims : SHAPES) {
      for (int[] perm : permutations(dims.length)) {
        out.add(Arguments.of(Shape.of(dims), perm));
      }
    }
    return out.stream();
  }

  private static List<int[]> permutations(int n) {
    List<int[]> out = new ArrayList<>();
    permute(new int[n], new boolean[n], 0, out);
    return out;
  }

  private static void permute(int[] p, boolean[] used, int at, List<int[]> out) {
    if (at == p.length) {
      out.add(p.clone());
      return;
    }
    for (int v = 0; v < p.length; v++) {
      if (!used[v]) {
        used[v] = true;
        p[at] = v;
        permute(p, used, at + 1, out);
        used[v] = false;
      }
    }
  }

  @ParameterizedTest(name = "{0} by {1}")
  @MethodSource("cases")
  void transposeMatchesTheReferenceAndItsInverseUndoesIt(Shape shape, int[] perm) {
    Tensor x = Samples.uniform(new Random(shape.hashCode() + Arrays.hashCode(perm)), -1, 1,
        shape.dims());
    Tensor t = x.transpose(perm);
    assertEquals(Naive.transpose(x, perm), t);
    assertEquals(x, t.transpose(Permute.inverse(perm)));
    int[] composed = new int[perm.length];
    int[] inv = Permute.inverse(perm);
    for (int i = 0; i < perm.length; i++) {
      composed[i] = perm[inv[i]];
    }
    int[] identity = new int[perm.length];
    Arrays.setAll(identity, i -> i);
    assertArrayEquals(identity, composed);
  }

  @Test
  void defaultTransposeReversesTheAxes() {
    Tensor m = Tensor.matrix(new double[] {1, 2, 3}, new double[] {4, 5, 6});
    assertEquals(Tensor.matrix(new double[] {1, 4}, new double[] {2, 5}, new double[] {3, 6}),
        m.transpose());
    Tensor x = Samples.uniform(new Random(2), -1, 1, 2, 3, 4);
    assertEquals(Naive.transpose(x, new int[] {2, 1, 0}), x.transpose());
    assertArrayEquals(new int[] {3, 2, 1, 0}, Permute.reversed(4));
  }

  @Test
  void badPermutationsAreRefused() {
    Tensor x = Tensor.zeros(2, 3);
    assertThrows(IllegalArgumentException.class, () -> x.transpose(0, 0));
    assertThrows(IllegalArgumentException.class, () -> x.transpose(0));
    assertThrows(IllegalArgumentException.class, () -> x.transpose(1, 2));
  }

  @Test
  void reshapeKeepsRowMajorOrderInACopy() {
    Tensor x = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
    Tensor y = x.reshape(3, 2);
    assertEquals(Tensor.matrix(new double[] {1, 2}, new double[] {3, 4}, new double[] {5, 6}), y);
    assertEquals(Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 6), x.reshape(6));
    assertEquals(Tensor.scalar(7), Tensor.of(new double[] {7}, 1, 1).reshape());
    assertNotSame(x.buffer(), y.buffer());
    y.fillInPlace(0);
    assertEquals(1.0, x.get(0, 0), "the source is not modified through the reshaped copy");
    assertThrows(IllegalArgumentException.class, () -> x.reshape(4, 2));
    assertThrows(IllegalArgumentException.class, () -> x.reshape(-2, -3));
  }
}
