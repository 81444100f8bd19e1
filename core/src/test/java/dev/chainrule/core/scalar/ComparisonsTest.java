package dev.chainrule.core.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.graph.ops.Relu;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The branch-free comparisons and the comparison loops give, bit for bit, what the plain Java
 * comparisons give, on every pair of special values (signed zeros, infinities, NaN, subnormals,
 * the extremes, near ties) and on random pairs; the branch-free selection gives what the
 * conditional gives; ReLU's form max(x, 0) lets NaN through.
 */
class ComparisonsTest {
  private static final double[] SPECIAL = {0.0, -0.0, 1.0, -1.0, Double.MIN_VALUE,
      -Double.MIN_VALUE, 2 * Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
      -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
      1.0 + Math.ulp(1.0), 1.0 - Math.ulp(1.0) / 2, 1e-300, -1e-300, 3.5, 3.5000000000000004};

  private static final Primitive[] COMPARISONS = {Primitive.GT, Primitive.GE, Primitive.LT,
      Primitive.LE, Primitive.EQ};

  private static double java(Primitive p, double a, double b) {
    switch (p) {
      case GT: return a > b ? 1.0 : 0.0;
      case GE: return a >= b ? 1.0 : 0.0;
      case LT: return a < b ? 1.0 : 0.0;
      case LE: return a <= b ? 1.0 : 0.0;
      default: return a == b ? 1.0 : 0.0;
    }
  }

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
      for (Primitive c : COMPARISONS) {
        assertBits(java(c, p[0], p[1]), c.apply(p[0], p[1], 0), c + " " + p[0] + " vs " + p[1]);
      }
    }
  }

  /** The loops' branch-free pass and NaN fix-up, with the output aliased or not. */
  @Test
  void comparisonLoopsEqualJavasOnSpecialPairs() {
    int n = SPECIAL.length * SPECIAL.length;
    double[] a = new double[n];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = SPECIAL[i / SPECIAL.length];
      b[i] = SPECIAL[i % SPECIAL.length];
    }
    for (Primitive c : COMPARISONS) {
      double[] o = new double[n];
      Loops.run(c, o, a, b, null, 0, n);
      double[] aliased = a.clone();
      Loops.run(c, aliased, aliased, b, null, 0, n);
      for (int i = 0; i < n; i++) {
        double expected = java(c, a[i], b[i]);
        assertBits(expected, o[i], c + " loop at " + a[i] + ", " + b[i]);
        assertBits(expected, aliased[i], c + " in place at " + a[i] + ", " + b[i]);
      }
    }
  }

  @Test
  void reluFormLetsNanThroughAndIsZeroElsewhereBelowOrAtZero() {
    Scalar relu = Relu.INSTANCE.scalarForm();
    double[] zeros = new double[SPECIAL.length];
    double[] out = new double[SPECIAL.length];
    Loops.run(Primitive.MAX, out, SPECIAL, zeros, null, 0, SPECIAL.length);
    for (int i = 0; i < SPECIAL.length; i++) {
      double x = SPECIAL[i];
      double expected = x > 0 || Double.isNaN(x) ? x : 0.0;
      assertBits(expected, relu.evaluate(x), "relu " + x);
      assertBits(expected, out[i], "relu loop " + x);
    }
  }

  @Test
  void selectChoosesByAnyNonZeroCondition() {
    double[] c = {1, 0, -0.0, Double.NaN, -2};
    double[] t = {10, 20, 30, 40, 50};
    double[] f = {-1, -2, -3, -4, -5};
    double[] o = new double[5];
    Loops.run(Primitive.SELECT, o, c, t, f, 0, 5);
    double[] expected = {10, -2, -3, 40, 50};
    for (int i = 0; i < 5; i++) {
      assertBits(expected[i], o[i], "select at " + c[i]);
      assertBits(expected[i], Primitive.SELECT.apply(c[i], t[i], f[i]), "select " + c[i]);
    }
  }

  /**
   * The branch-free selection against Java's conditional on every special value as the condition
   * and as either operand (NaN payloads and signed zeros kept bit for bit), in the loop with the
   * output separate or aliased to each operand, and on one scalar.
   */
  @Test
  void selectEqualsJavasConditionalOnSpecialValues() {
    double payload = Double.longBitsToDouble(0x7ff0_0000_0000_1234L);
    double[] values = java.util.Arrays.copyOf(SPECIAL, SPECIAL.length + 1);
    values[SPECIAL.length] = payload;
    int m = values.length;
    int n = m * m * m;
    double[] c = new double[n];
    double[] t = new double[n];
    double[] f = new double[n];
    for (int i = 0; i < n; i++) {
      c[i] = values[i / (m * m)];
      t[i] = values[i / m % m];
      f[i] = values[i % m];
    }
    double[] o = new double[n];
    Loops.run(Primitive.SELECT, o, c, t, f, 0, n);
    double[][] aliased = {c.clone(), t.clone(), f.clone()};
    Loops.run(Primitive.SELECT, aliased[0], aliased[0], t, f, 0, n);
    Loops.run(Primitive.SELECT, aliased[1], c, aliased[1], f, 0, n);
    Loops.run(Primitive.SELECT, aliased[2], c, t, aliased[2], 0, n);
    for (int i = 0; i < n; i++) {
      double expected = c[i] != 0 ? t[i] : f[i];
      String what = "select(" + c[i] + ", " + t[i] + ", " + f[i] + ")";
      assertBits(expected, o[i], what);
      assertBits(expected, Comparisons.select(c[i], t[i], f[i]), what + " on one scalar");
      for (double[] a : aliased) {
        assertBits(expected, a[i], what + " in place");
      }
    }
  }

  private static void assertBits(double expected, double actual, String what) {
    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
        what + ": " + actual + " but " + expected);
  }
}
