package dev.chainrule.core.scalar;

/**
 * The comparisons and the selection, on single numbers and as loops. A comparison is computed
 * without a branch the processor could mispredict (a ReLU mask is a coin toss per element): a − b
 * has the sign of the comparison and is 0 only when a = b, so max(a − b, 0), lifted by 2¹²⁰⁰ and
 * capped at 1, is exactly 1 or 0. Only where that is NaN (a NaN operand, or ∞ − ∞) is the
 * comparison itself evaluated: the loops run a branch-free pass, which the JIT vectorises, and
 * then recompute the rare NaN elements.
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

  /** Returns {@code a} where the condition {@code c} is not 0, else {@code b}. */
  public static double select(double c, double a, double b) {
    return c != 0 ? a : b;
  }

  /**
   * Writes comparison {@code p} of {@code a[ao + i]} and {@code b[bo + i]} to {@code o[oo + i]}
   * for i in [0, n). The branch-free pass needs its operands intact after writing; when the output
   * is one of them, each element is compared on its own instead.
   */
  static void compare(Primitive p, double[] o, int oo, double[] a, int ao, double[] b, int bo,
      int n) {
    if ((o == a && oo == ao) || (o == b && oo == bo)) {
      for (int i = 0; i < n; i++) {
        o[oo + i] = p.apply(a[ao + i], b[bo + i], 0);
      }
      return;
    }
    switch (p) {
      case GT: lift(o, oo, a, ao, b, bo, n); break;
      case LT: lift(o, oo, b, bo, a, ao, n); break;
      case GE: liftComplement(o, oo, a, ao, b, bo, n); break;
      case LE: liftComplement(o, oo, b, bo, a, ao, n); break;
      default: equal(o, oo, a, ao, b, bo, n);
    }
    for (int i = 0; i < n; i++) {
      if (o[oo + i] != o[oo + i]) {
        o[oo + i] = p.apply(a[ao + i], b[bo + i], 0);
      }
    }
  }

  /** Writes 1 where x &gt; y, else 0, except NaN where x − y is NaN (fixed afterwards). */
  private static void lift(double[] o, int oo, double[] x, int xo, double[] y, int yo, int n) {
    for (int i = 0; i < n; i++) {
      o[oo + i] = Math.min(Math.max(x[xo + i] - y[yo + i], 0.0) * LIFT * LIFT, 1.0);
    }
  }

  /** Writes 1 − (1 where y &gt; x), that is 1 where x ≥ y, except NaN as in {@link #lift}. */
  private static void liftComplement(double[] o, int oo, double[] x, int xo, double[] y, int yo,
      int n) {
    for (int i = 0; i < n; i++) {
      o[oo + i] = 1.0 - Math.min(Math.max(y[yo + i] - x[xo + i], 0.0) * LIFT * LIFT, 1.0);
    }
  }

  private static void equal(double[] o, int oo, double[] x, int xo, double[] y, int yo, int n) {
    for (int i = 0; i < n; i++) {
      o[oo + i] = 1.0 - Math.min(Math.abs(x[xo + i] - y[yo + i]) * LIFT * LIFT, 1.0);
    }
  }

  /** Writes {@code c[co + i] ≠ 0 ? a[ao + i] : b[bo + i]} to {@code o[oo + i]}. */
  static void select(double[] o, int oo, double[] c, int co, double[] a, int ao, double[] b,
      int bo, int n) {
    for (int i = 0; i < n; i++) {
      o[oo + i] = c[co + i] != 0 ? a[ao + i] : b[bo + i];
    }
  }
}
