package dev.chainrule.core.scalar;

/**
 * The float32 loops of the primitives, one per {@link Primitive} as {@link Loops} has for float64:
 * {@code o[i] = p(a[i], …)} over {@code float[]} arrays indexed by the loop counter itself, so the
 * JIT vectorises them with twice as many lanes. Each computes {@link Primitive#applyFloat}: the
 * arithmetic in float32 (exactly the float64 operation rounded once), the functions in float64 on
 * the widened operand, rounded to float32.
 */
public final class FloatLoops {
  /** 2⁷⁵: twice applied, it lifts the smallest positive float above 1 (see {@link Comparisons}). */
  private static final float LIFT = 0x1p75f;

  private FloatLoops() {}

  /**
   * Runs primitive {@code p} over elements [from, to). Operands beyond the primitive's arity are
   * ignored (may be null); the output may be one of the operands.
   */
  public static void run(Primitive p, float[] o, float[] a, float[] b, float[] c, int from,
      int to) {
    switch (p) {
      case COPY: System.arraycopy(a, from, o, from, to - from); break;
      case NEG: neg(o, a, from, to); break;
      case ABS: abs(o, a, from, to); break;
      case EXP: exp(o, a, from, to); break;
      case LOG: log(o, a, from, to); break;
      case SQRT: sqrt(o, a, from, to); break;
      case TANH: tanh(o, a, from, to); break;
      case LOG1P: log1p(o, a, from, to); break;
      case EXPM1: expm1(o, a, from, to); break;
      case SIN: sin(o, a, from, to); break;
      case COS: cos(o, a, from, to); break;
      case ADD: add(o, a, b, from, to); break;
      case SUB: sub(o, a, b, from, to); break;
      case MUL: mul(o, a, b, from, to); break;
      case DIV: div(o, a, b, from, to); break;
      case MIN: min(o, a, b, from, to); break;
      case MAX: max(o, a, b, from, to); break;
      case POW: pow(o, a, b, from, to); break;
      case SELECT: select(o, a, b, c, from, to); break;
      default: compare(p, o, a, b, from, to);
    }
  }

  private static void neg(float[] o, float[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = -a[i];
    }
  }

  private static void abs(float[] o, float[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = Math.abs(a[i]);
    }
  }

  private static void exp(float[] o, float[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = (float) Math.exp(a[i]);
    }
  }

  private static void log(float[] o, float[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = (float) Math.log(a[i]);
    }
  }

  private static void sqrt(float[] o, float[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = (float) Math.sqrt(a[i]);
    }
  }

  private static void tanh(float[] o, float[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = (float) Math.tanh(a[i]);
    }
  }

  private static void log1p(float[] o, float[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = (float) Math.log1p(a[i]);
    }
  }

  private static void expm1(float[] o, float[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = (float) Math.expm1(a[i]);
    }
  }

  private static void sin(float[] o, float[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = (float) Math.sin(a[i]);
    }
  }

  private static void cos(float[] o, float[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = (float) Math.cos(a[i]);
    }
  }

  private static void add(float[] o, float[] a, float[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = a[i] + b[i];
    }
  }

  private static void sub(float[] o, float[] a, float[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = a[i] - b[i];
    }
  }

  private static void mul(float[] o, float[] a, float[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = a[i] * b[i];
    }
  }

  private static void div(float[] o, float[] a, float[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = a[i] / b[i];
    }
  }

  private static void min(float[] o, float[] a, float[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = Math.min(a[i], b[i]);
    }
  }

  private static void max(float[] o, float[] a, float[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = Math.max(a[i], b[i]);
    }
  }

  private static void pow(float[] o, float[] a, float[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = (float) Math.pow(a[i], b[i]);
    }
  }

  /**
   * Writes {@code a[i]} where comparison {@code p} of {@code x[i]} and {@code y[i]} holds, else
   * {@code b[i]}, to {@code o[i]} for i in [from, to): the comparison and the selection by it as
   * one loop ({@link Comparisons#compareSelect}); the output may be any operand.
   */
  static void compareSelect(Primitive p, float[] o, float[] x, float[] y, float[] a, float[] b,
      int from, int to) {
    switch (p) {
      case GT: greaterSelect(o, x, y, a, b, from, to); break;
      case LT: greaterSelect(o, y, x, a, b, from, to); break;
      case GE: atLeastSelect(o, x, y, a, b, from, to); break;
      case LE: atLeastSelect(o, y, x, a, b, from, to); break;
      default: equalSelect(o, x, y, a, b, from, to);
    }
  }

  private static void greaterSelect(float[] o, float[] x, float[] y, float[] a, float[] b,
      int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = x[i] > y[i] ? a[i] : b[i];
    }
  }

  private static void atLeastSelect(float[] o, float[] x, float[] y, float[] a, float[] b,
      int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = x[i] >= y[i] ? a[i] : b[i];
    }
  }

  private static void equalSelect(float[] o, float[] x, float[] y, float[] a, float[] b,
      int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = x[i] == y[i] ? a[i] : b[i];
    }
  }

  private static void select(float[] o, float[] c, float[] a, float[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = c[i] != 0 ? a[i] : b[i];
    }
  }

  /**
   * Writes comparison {@code p} of {@code a[i]} and {@code b[i]}, 1 or 0, to {@code o[i]}: branch
   * free as {@link Comparisons} does it (the sign of a − b, lifted and capped at 1), the comparison
   * itself only where that is NaN. Element by element, so the output may be an operand.
   */
  private static void compare(Primitive p, float[] o, float[] a, float[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      float x = a[i];
      float y = b[i];
      float r;
      switch (p) {
        case GT: r = Math.min(Math.max(x - y, 0f) * LIFT * LIFT, 1f); break;
        case LT: r = Math.min(Math.max(y - x, 0f) * LIFT * LIFT, 1f); break;
        case GE: r = 1f - Math.min(Math.max(y - x, 0f) * LIFT * LIFT, 1f); break;
        case LE: r = 1f - Math.min(Math.max(x - y, 0f) * LIFT * LIFT, 1f); break;
        case EQ: r = 1f - Math.min(Math.abs(x - y) * LIFT * LIFT, 1f); break;
        default: throw new IllegalStateException("no float32 loop for the primitive " + p);
      }
      o[i] = r == r ? r : p.applyFloat(x, y, 0f);
    }
  }
}
