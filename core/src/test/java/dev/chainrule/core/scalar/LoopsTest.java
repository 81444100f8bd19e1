package dev.chainrule.core.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every primitive has a loop of its own, and it computes, bit for bit, the Java expression that
 * defines the primitive (written out again here), on random and special operands, aliased or not.
 */
class LoopsTest {
  private static final double[] SPECIAL = {0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 1e-300, -1e300,
      Double.MIN_VALUE, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
      Double.NaN, 3.0, 710.0, -745.5};

  /** The definitions, independently of {@link Primitive#apply}. */
  private static double java(Primitive p, double a, double b, double c) {
    switch (p) {
      case COPY: return a;
      case NEG: return -a;
      case EXP: return Math.exp(a);
      case LOG: return Math.log(a);
      case LOG1P: return Math.log1p(a);
      case EXPM1: return Math.expm1(a);
      case SQRT: return Math.sqrt(a);
      case ABS: return Math.abs(a);
      case TANH: return Math.tanh(a);
      case SIN: return Math.sin(a);
      case COS: return Math.cos(a);
      case ADD: return a + b;
      case SUB: return a - b;
      case MUL: return a * b;
      case DIV: return a / b;
      case POW: return Math.pow(a, b);
      case MIN: return Math.min(a, b);
      case MAX: return Math.max(a, b);
      case GT: return a > b ? 1 : 0;
      case GE: return a >= b ? 1 : 0;
      case LT: return a < b ? 1 : 0;
      case LE: return a <= b ? 1 : 0;
      case EQ: return a == b ? 1 : 0;
      default: return a != 0 ? b : c;
    }
  }

  @Test
  void everyPrimitiveLoopComputesItsDefinition() {
    int n = 3 * SPECIAL.length * SPECIAL.length;
    double[] a = new double[n];
    double[] b = new double[n];
    double[] c = new double[n];
    Random r = new Random(5);
    for (int i = 0; i < n; i++) {
      int k = i % (SPECIAL.length * SPECIAL.length);
      boolean special = i < SPECIAL.length * SPECIAL.length;
      a[i] = special ? SPECIAL[k / SPECIAL.length] : r.nextGaussian() * 3;
      b[i] = special ? SPECIAL[k % SPECIAL.length] : r.nextInt(3) == 0 ? a[i] : r.nextGaussian();
      c[i] = r.nextGaussian();
    }
    for (Primitive p : Primitive.values()) {
      double[] o = new double[n];
      Loops.run(p, o, a, b, c, 0, n);
      double[] part = new double[n];
      Loops.run(p, part, a, b, c, 7, n - 5);
      for (int i = 0; i < n; i++) {
        double expected = i < 7 || i >= n - 5 ? 0.0 : java(p, a[i], b[i], c[i]);
        assertBits(expected, part[i], p + " over [7, n − 5) at " + i);
      }
      double[] inPlace = b.clone();
      Loops.run(p, inPlace, a, inPlace, c, 0, n);
      for (int i = 0; i < n; i++) {
        double expected = java(p, a[i], b[i], c[i]);
        assertBits(expected, o[i], p + " at " + a[i] + ", " + b[i] + ", " + c[i]);
        assertBits(expected, inPlace[i], p + " in place at " + a[i] + ", " + b[i]);
        assertBits(expected, p.apply(a[i], b[i], c[i]), p + ".apply at " + a[i] + ", " + b[i]);
      }
    }
  }

  private static void assertBits(double expected, double actual, String what) {
    assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
        what + ": " + actual + " but " + expected);
  }
}
