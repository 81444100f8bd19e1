package dev.chainrule.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.graph.ops.Relu;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The branch-free comparisons of fused loops and the branch-free ReLU give, bit for bit, what the
 * plain Java comparisons give, on every pair of special values (signed zeros, infinities, NaN,
 * subnormals, the extremes, near ties) and on random pairs.
 */
class BranchFreeComparisonTest {
  private static final double[] SPECIAL = {0.0, -0.0, 1.0, -1.0, Double.MIN_VALUE,
      -Double.MIN_VALUE, 2 * Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
      -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
      1.0 + Math.ulp(1.0), 1.0 - Math.ulp(1.0) / 2, 1e-300, -1e-300, 3.5, 3.5000000000000004};

  @Test
  void comparisonsEqualJavasOnSpecialAndRandomPairs() {
    List<double[]> pairs = new ArrayList<>();
    for (double a : SPECIAL) {
      for (double b : SPECIAL) {
        pairs.add(new double[] {a, b});
      }
    }
    Random r = new Random(8);
    for (int i = 0; i < 100_000; i++) {
      double a = r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20);
      pairs.add(new double[] {a, r.nextInt(4) == 0 ? a : r.nextGaussian()});
    }
    for (double[] p : pairs) {
      double a = p[0];
      double b = p[1];
      String at = a + " vs " + b;
      assertBits(a > b ? 1.0 : 0.0, ElementLoops.gt(a, b), "gt " + at);
      assertBits(a >= b ? 1.0 : 0.0, ElementLoops.ge(a, b), "ge " + at);
      assertBits(a < b ? 1.0 : 0.0, ElementLoops.lt(a, b), "lt " + at);
      assertBits(a <= b ? 1.0 : 0.0, ElementLoops.le(a, b), "le " + at);
      assertBits(a == b ? 1.0 : 0.0, ElementLoops.eq(a, b), "eq " + at);
    }
  }

  /**
   * The loops of fused steps: comparisons' branch-free pass and NaN fix-up, ReLU's max(x, 0)
   * (NaN passes through); outputs aliased or not.
   */
  @Test
  void comparisonAndReluLoopsEqualJavasOnSpecialPairs() {
    int n = SPECIAL.length * SPECIAL.length;
    double[] a = new double[n];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = SPECIAL[i / SPECIAL.length];
      b[i] = SPECIAL[i % SPECIAL.length];
    }
    int[] codes = {Opcodes.GT, Opcodes.GE, Opcodes.LT, Opcodes.LE, Opcodes.EQ};
    for (int code : codes) {
      double[] o = new double[n];
      ElementLoops.binary(code, null, a, b, o, 0, n);
      double[] aliased = a.clone();
      ElementLoops.binary(code, null, aliased, b, aliased, 0, n);
      for (int i = 0; i < n; i++) {
        double expected = ElementLoops.scalar(code, null, a[i], b[i], 0);
        assertBits(expected, o[i], "code " + code + " loop at " + a[i] + ", " + b[i]);
        assertBits(expected, aliased[i], "code " + code + " in place at " + a[i] + ", " + b[i]);
      }
    }
    double[] r = new double[n];
    ElementLoops.unary(Opcodes.RELU, null, a, r, 0, n);
    for (int i = 0; i < n; i++) {
      assertBits(a[i] > 0 || Double.isNaN(a[i]) ? a[i] : 0.0, r[i], "relu loop at " + a[i]);
    }
  }

  @Test
  void reluEqualsTheBranchOnSpecialValues() {
    for (double x : SPECIAL) {
      assertBits(x > 0 || Double.isNaN(x) ? x : 0.0, Relu.INSTANCE.apply(x), "relu " + x);
    }
  }

  private static void assertBits(double expected, double actual, String what) {
    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
        what + ": " + actual + " but " + expected);
  }
}
