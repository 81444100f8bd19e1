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

  @Test
  void reluEqualsTheBranchOnSpecialValues() {
    for (double x : SPECIAL) {
      assertBits(x > 0 ? x : 0.0, Relu.INSTANCE.apply(x), "relu " + x);
    }
  }

  private static void assertBits(double expected, double actual, String what) {
    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
        what + ": " + actual + " but " + expected);
  }
}
