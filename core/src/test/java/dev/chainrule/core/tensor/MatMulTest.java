package dev.chainrule.core.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Matrix products with operands read transposed, and BLAS-style gemm, against triple loops. */
class MatMulTest {
  private static final int[][] SIZES = {{1, 1, 1}, {2, 3, 4}, {1, 5, 1}, {5, 1, 3}, {7, 2, 9},
      {37, 53, 29}, {3, 0, 2}};

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (int[] mkn : SIZES) {
      for (boolean ta : new boolean[] {false, true}) {
        for (boolean tb : new boolean[] {false, true}) {
          out.add(Arguments.of(mkn[0], mkn[1], mkn[2], ta, tb));
        }
      }
    }
    return out.stream();
  }

  /**
   * Two float32 tensors multiply on the float GEMM into a float32 tensor: each element within
   * (k + 1)·u·Σ|aᵢ·bᵢ| (u = 2⁻²⁴, the bound of a float sum of k products, Higham §3.1) of the
   * float64 triple loop on the same numbers; a float32 and a float64 tensor multiply in float64.
   */
  @ParameterizedTest(name = "({0}×{1})·({1}×{2}) transA={3} transB={4}")
  @MethodSource("cases")
  void float32TensorsMultiplyInFloat32(int m, int k, int n, boolean ta, boolean tb) {
    Random r = new Random(m * 1000 + k * 100 + n * 10);
    Tensor a = (ta ? Samples.uniform(r, -1, 1, k, m) : Samples.uniform(r, -1, 1, m, k))
        .to(DType.FLOAT32);
    Tensor b = (tb ? Samples.uniform(r, -1, 1, n, k) : Samples.uniform(r, -1, 1, k, n))
        .to(DType.FLOAT32);
    Tensor got = MatMulKernel.multiply(a, ta, b, tb);
    assertEquals(DType.FLOAT32, got.dtype());
    double[] want = Naive.matmul(a.to(DType.FLOAT64), ta, b.to(DType.FLOAT64), tb).toArray();
    double[] magnitude = Naive.matmul(Naive.unary(a.to(DType.FLOAT64), Math::abs), ta,
        Naive.unary(b.to(DType.FLOAT64), Math::abs), tb).toArray();
    double[] g = got.toArray();
    for (int i = 0; i < g.length; i++) {
      double bound = (k + 1) * 0x1p-24 * magnitude[i];
      assertTrue(Math.abs(g[i] - want[i]) <= bound, "element " + i + ": " + g[i] + " against "
          + want[i] + " beyond " + bound);
    }
    if (!ta && !tb) {
      assertEquals(got, a.matmul(b), "Tensor.matmul is the same float product");
      assertEquals(DType.FLOAT64, a.matmul(b.to(DType.FLOAT64)).dtype());
    }
  }

  @ParameterizedTest(name = "({0}×{1})·({1}×{2}) transA={3} transB={4}")
  @MethodSource("cases")
  void productMatchesTheTripleLoop(int m, int k, int n, boolean ta, boolean tb) {
    Random r = new Random(m * 1000 + k * 100 + n * 10 + (ta ? 2 : 0) + (tb ? 1 : 0));
    Tensor a = ta ? Samples.uniform(r, -1, 1, k, m) : Samples.uniform(r, -1, 1, m, k);
    Tensor b = tb ? Samples.uniform(r, -1, 1, n, k) : Samples.uniform(r, -1, 1, k, n);
    Tensor got = MatMulKernel.multiply(a, ta, b, tb);
    Tensor want = Naive.matmul(a, ta, b, tb);
    assertEquals(Shape.of(m, n), got.shape());
    assertTrue(Naive.maxScaledDifference(got, want) <= 1e-13, () -> got + " vs " + want);
    if (!ta && !tb) {
      assertTrue(Naive.maxScaledDifference(a.matmul(b), want) <= 1e-13);
    }
  }

  @Test
  void gemmScalesAccumulatesAndRespectsOffsetsAndLeadingDimensions() {
    Random r = new Random(9);
    int m = 3;
    int n = 4;
    int k = 5;
    // A is the 3×5 block at row 1, column 2 of a 6×8 array; B the 5×4 block at (0, 1) of 5×6;
    // C the 3×4 block at (2, 3) of a 6×9 array, whose other elements must stay untouched.
    double[] a = Samples.uniform(r, -1, 1, 6, 8).toArray();
    double[] b = Samples.uniform(r, -1, 1, 5, 6).toArray();
    double[] c = Samples.uniform(r, -1, 1, 6, 9).toArray();
    double[] c0 = c.clone();
    double alpha = 0.75;
    double beta = -1.5;
    Gemm.gemm(false, false, m, n, k, alpha, a, 1 * 8 + 2, 8, b, 1, 6, beta, c, 2 * 9 + 3, 9);
    for (int row = 0; row < 6; row++) {
      for (int col = 0; col < 9; col++) {
        int i = row - 2;
        int j = col - 3;
        double expected = c0[row * 9 + col];
        if (i >= 0 && i < m && j >= 0 && j < n) {
          double s = 0;
          for (int p = 0; p < k; p++) {
            s += a[(1 + i) * 8 + 2 + p] * b[p * 6 + 1 + j];
          }
          expected = alpha * s + beta * c0[row * 9 + col];
        }
        assertEquals(expected, c[row * 9 + col], 1e-14, "C[" + row + "][" + col + "]");
      }
    }
  }

  @Test
  void gemmWithBetaZeroIgnoresNaNInTheOutput() {
    double[] c = {Double.NaN, Double.NaN};
    Gemm.gemm(false, true, 1, 2, 2, 1.0, new double[] {1, 2}, 0, 2,
        new double[] {3, 4, 5, 6}, 0, 2, 0.0, c, 0, 2);
    assertEquals(11.0, c[0]);
    assertEquals(17.0, c[1]);
  }

  @Test
  void mismatchedOrNonMatrixOperandsAreRefusedWithTheirShapes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MatMulKernel.shape(Shape.of(2, 3), false, Shape.of(2, 3), false));
    assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("3 and 2"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> MatMulKernel.shape(Shape.of(3), false, Shape.of(3, 1), false));
    assertEquals(Shape.of(3, 3), MatMulKernel.shape(Shape.of(2, 3), true, Shape.of(2, 3), false));
  }
}
