package dev.chainrule.core.scalar;

/**
 * One loop per {@link Primitive} over a run of elements: {@code o[i] = p(a[i], …)} for i in
 * [from, to). Each loop is a small method of its own, so the JIT compiles each into a tight loop,
 * and every array of a loop is indexed by the loop counter itself: the form the JIT vectorises
 * (with arrays read at different offsets it must assume they overlap, and does not).
 */
public final class Loops {
  private Loops() {}

  /**
   * Runs primitive {@code p} over elements [from, to). Operands beyond the primitive's arity are
   * ignored (may be null); the output may be one of the operands, except that comparisons are
   * then computed element by element.
   */
  public static void run(Primitive p, double[] o, double[] a, double[] b, double[] c, int from,
      int to) {
    switch (p) {
      case COPY: System.arraycopy(a, from, o, from, to - from); break;
      case NEG: neg(o, a, from, to); break;
      case ABS: abs(o, a, from, to); break;
      case ADD: add(o, a, b, from, to); break;
      case SUB: sub(o, a, b, from, to); break;
      case MUL: mul(o, a, b, from, to); break;
      case DIV: div(o, a, b, from, to); break;
      case MIN: min(o, a, b, from, to); break;
      case MAX: max(o, a, b, from, to); break;
      case SELECT: Comparisons.select(o, a, b, c, from, to); break;
      default:
        if (p.isComparison()) {
          Comparisons.compare(p, o, a, b, from, to);
        } else {
          functions(p, o, a, b, from, to);
        }
    }
  }

  private static void functions(Primitive p, double[] o, double[] a, double[] b, int from,
      int to) {
    switch (p) {
      case EXP: exp(o, a, from, to); break;
      case LOG: log(o, a, from, to); break;
      case SQRT: sqrt(o, a, from, to); break;
      case TANH: tanh(o, a, from, to); break;
      case LOG1P: log1p(o, a, from, to); break;
      case EXPM1: expm1(o, a, from, to); break;
      case SIN: sin(o, a, from, to); break;
      case COS: cos(o, a, from, to); break;
      case POW: pow(o, a, b, from, to); break;
      default: throw new IllegalStateException("no loop for the primitive " + p);
    }
  }

  private static void neg(double[] o, double[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = -a[i];
    }
  }

  private static void abs(double[] o, double[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = Math.abs(a[i]);
    }
  }

  private static void exp(double[] o, double[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = Math.exp(a[i]);
    }
  }

  private static void log(double[] o, double[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = Math.log(a[i]);
    }
  }

  private static void sqrt(double[] o, double[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = Math.sqrt(a[i]);
    }
  }

  private static void tanh(double[] o, double[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = Math.tanh(a[i]);
    }
  }

  private static void log1p(double[] o, double[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = Math.log1p(a[i]);
    }
  }

  private static void expm1(double[] o, double[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = Math.expm1(a[i]);
    }
  }

  private static void sin(double[] o, double[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = Math.sin(a[i]);
    }
  }

  private static void cos(double[] o, double[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = Math.cos(a[i]);
    }
  }

  private static void add(double[] o, double[] a, double[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = a[i] + b[i];
    }
  }

  private static void sub(double[] o, double[] a, double[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = a[i] - b[i];
    }
  }

  private static void mul(double[] o, double[] a, double[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = a[i] * b[i];
    }
  }

  private static void div(double[] o, double[] a, double[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = a[i] / b[i];
    }
  }

  private static void min(double[] o, double[] a, double[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = Math.min(a[i], b[i]);
    }
  }

  private static void max(double[] o, double[] a, double[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = Math.max(a[i], b[i]);
    }
  }

  private static void pow(double[] o, double[] a, double[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = Math.pow(a[i], b[i]);
    }
  }
}
