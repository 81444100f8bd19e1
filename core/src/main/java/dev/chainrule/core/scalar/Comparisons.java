package dev.chainrule.core.scalar;

import dev.chainrule.core.tensor.Finiteness;

/**
 * The comparisons and the selection, on single numbers and as loops. A comparison is computed
 * without a branch the processor could mispredict (a ReLU mask is a coin toss per element): a − b
 * has the sign of the comparison and is 0 only when a = b, so max(a − b, 0), lifted by 2¹²⁰⁰ and
 * capped at 1, is exactly 1 or 0. Only where that is NaN (a NaN operand, or ∞ − ∞) is the
 * comparison itself evaluated: the loops run a branch-free pass, which the JIT vectorises, sum
 * its results (NaN only if one of them is) and, in the rare chunk where that is NaN, recompute
 * those elements. The selection has no branch either: it keeps the bits of one operand or the
 * other under a mask made from the condition's bits (a branch on a ReLU mask costs about 5 ns
 * per element in mispredictions, the mask under 1 ns). A comparison read only by the selection
 * after it runs as one loop with it ({@link #compareSelect}), which makes the mask from the
 * comparison itself: no pass of 1s and 0s, no NaN fix-up (the JIT compiles its conditional to a
 * conditional move, 0.7–0.85 ns an element on a coin-toss mask whatever mask it warmed up on).
 */
public final class Comparisons {
  /** 2⁶⁰⁰: twice applied, it lifts the smallest positive double above 1. */
  private static final double LIFT = 0x1p600;

  private Comparisons() {}

  /** Returns 1 where {@code a > b}, else 0, exactly as the comparison does, without a branch. */
  public static double gt(double a, double b) {
    double r = Math.min(Math.max(a - b, 0.0) * LIFT * LIFT, 1.0);
    return r == r ? r : a > b ? 1.0 : 0.0;
  }

  /** Returns 1 where {@code a ≥ b}, else 0: one minus b &gt; a, exact as {@link #gt}. */
  public static double ge(double a, double b) {
    double r = 1.0 - Math.min(Math.max(b - a, 0.0) * LIFT * LIFT, 1.0);
    return r == r ? r : a >= b ? 1.0 : 0.0;
  }

  /** Returns 1 where {@code a < b}, else 0. */
  public static double lt(double a, double b) {
    return gt(b, a);
  }

  /** Returns 1 where {@code a ≤ b}, else 0. */
  public static double le(double a, double b) {
    return ge(b, a);
  }

  /** Returns 1 where {@code a = b}, else 0: neither is greater, exact as {@link #gt}. */
  public static double eq(double a, double b) {
    double r = 1.0 - Math.min(Math.abs(a - b) * LIFT * LIFT, 1.0);
    return r == r ? r : a == b ? 1.0 : 0.0;
  }

  /**
   * Returns {@code a} where the condition {@code c} is not 0 (NaN included), else {@code b}, bit
   * for bit, without a branch.
   */
  public static double select(double c, double a, double b) {
    return bits(nonZeroMask(c), a, b);
  }

  /**
   * Returns all ones when {@code c} is not ±0, else 0: c's bits without the sign are 0 only for
   * ±0, and for any other x, x | −x has the sign bit set, which the shift spreads.
   */
  private static long nonZeroMask(double c) {
    long magnitude = Double.doubleToRawLongBits(c) << 1;
    return (magnitude | -magnitude) >> 63;
  }

  /**
   * Writes comparison {@code p} of {@code a[i]} and {@code b[i]} to {@code o[i]} for i in [from,
   * to). The branch-free pass needs its operands intact after writing; when the output is one of
   * them, each element is compared on its own instead.
   */
  static void compare(Primitive p, double[] o, double[] a, double[] b, int from, int to) {
    if (o == a || o == b) {
      for (int i = from; i < to; i++) {
        o[i] = p.apply(a[i], b[i], 0);
      }
      return;
    }
    switch (p) {
      case GT: lift(o, a, b, from, to); break;
      case LT: lift(o, b, a, from, to); break;
      case GE: liftComplement(o, a, b, from, to); break;
      case LE: liftComplement(o, b, a, from, to); break;
      default: equal(o, a, b, from, to);
    }
    if (!Finiteness.allFinite(o, from, to)) {
      for (int i = from; i < to; i++) {
        if (o[i] != o[i]) {
          o[i] = p.apply(a[i], b[i], 0);
        }
      }
    }
  }

  /** Writes 1 where x &gt; y, else 0, except NaN where x − y is NaN (fixed afterwards). */
  private static void lift(double[] o, double[] x, double[] y, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = Math.min(Math.max(x[i] - y[i], 0.0) * LIFT * LIFT, 1.0);
    }
  }

  /** Writes 1 − (1 where y &gt; x), that is 1 where x ≥ y, except NaN as in {@link #lift}. */
  private static void liftComplement(double[] o, double[] x, double[] y, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = 1.0 - Math.min(Math.max(y[i] - x[i], 0.0) * LIFT * LIFT, 1.0);
    }
  }

  private static void equal(double[] o, double[] x, double[] y, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = 1.0 - Math.min(Math.abs(x[i] - y[i]) * LIFT * LIFT, 1.0);
    }
  }

  /**
   * Writes {@code a[i]} where comparison {@code p} of {@code x[i]} and {@code y[i]} holds, else
   * {@code b[i]}, to {@code o[i]} for i in [from, to): the comparison, then the selection by its 1
   * or 0, as one loop, bit for bit the same (a comparison involving NaN does not hold). The output
   * may be any operand: each element is read before it is written.
   */
  static void compareSelect(Primitive p, double[] o, double[] x, double[] y, double[] a,
      double[] b, int from, int to) {
    switch (p) {
      case GT: greaterSelect(o, x, y, a, b, from, to); break;
      case LT: greaterSelect(o, y, x, a, b, from, to); break;
      case GE: atLeastSelect(o, x, y, a, b, from, to); break;
      case LE: atLeastSelect(o, y, x, a, b, from, to); break;
      default: equalSelect(o, x, y, a, b, from, to);
    }
  }

  private static void greaterSelect(double[] o, double[] x, double[] y, double[] a, double[] b,
      int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = bits(x[i] > y[i] ? -1L : 0L, a[i], b[i]);
    }
  }

  private static void atLeastSelect(double[] o, double[] x, double[] y, double[] a, double[] b,
      int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = bits(x[i] >= y[i] ? -1L : 0L, a[i], b[i]);
    }
  }

  private static void equalSelect(double[] o, double[] x, double[] y, double[] a, double[] b,
      int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = bits(x[i] == y[i] ? -1L : 0L, a[i], b[i]);
    }
  }

  /** Returns {@code a}'s bits where {@code mask} is all ones, {@code b}'s where it is 0. */
  private static double bits(long mask, double a, double b) {
    return Double.longBitsToDouble(Double.doubleToRawLongBits(a) & mask
        | Double.doubleToRawLongBits(b) & ~mask);
  }

  /** Writes {@code c[i] ≠ 0 ? a[i] : b[i]} to {@code o[i]} for i in [from, to), branch-free. */
  static void select(double[] o, double[] c, double[] a, double[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = select(c[i], a[i], b[i]);
    }
  }
}
