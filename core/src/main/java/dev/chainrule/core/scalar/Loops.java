package dev.chainrule.core.scalar;

/**
 * One loop per {@link Primitive} over a run of elements: {@code o[oo + i] = p(a[ao + i], …)} for
 * i in [0, n). Each loop is a small method of its own, so the JIT compiles each into a tight loop;
 * the arithmetic ones (and max, min, abs, negation) vectorise. Every operand is an array and an
 * offset: a register starts at 0, a tensor read or written in place at the run's position in it.
 */
public final class Loops {
  private Loops() {}

  /**
   * Runs primitive {@code p} over n elements. Operands beyond the primitive's arity are ignored
   * (may be null); the output may be one of the operands at the same offset, except that
   * comparisons are then computed element by element.
   */
  public static void run(Primitive p, double[] o, int oo, double[] a, int ao, double[] b, int bo,
      double[] c, int co, int n) {
    switch (p) {
      case COPY: System.arraycopy(a, ao, o, oo, n); break;
      case NEG: neg(o, oo, a, ao, n); break;
      case ABS: abs(o, oo, a, ao, n); break;
      case ADD: add(o, oo, a, ao, b, bo, n); break;
      case SUB: sub(o, oo, a, ao, b, bo, n); break;
      case MUL: mul(o, oo, a, ao, b, bo, n); break;
      case DIV: div(o, oo, a, ao, b, bo, n); break;
      case MIN: min(o, oo, a, ao, b, bo, n); break;
      case MAX: max(o, oo, a, ao, b, bo, n); break;
      case SELECT: Comparisons.select(o, oo, a, ao, b, bo, c, co, n); break;
      default:
        if (p.isComparison()) {
          Comparisons.compare(p, o, oo, a, ao, b, bo, n);
        } else {
          functions(p, o, oo, a, ao, b, bo, n);
        }
    }
  }

  private static void functions(Primitive p, double[] o, int oo, double[] a, int ao, double[] b,
      int bo, int n) {
    switch (p) {
      case EXP: exp(o, oo, a, ao, n); break;
      case LOG: log(o, oo, a, ao, n); break;
      case SQRT: sqrt(o, oo, a, ao, n); break;
      case TANH: tanh(o, oo, a, ao, n); break;
      case LOG1P: log1p(o, oo, a, ao, n); break;
      case EXPM1: expm1(o, oo, a, ao, n); break;
      case SIN: sin(o, oo, a, ao, n); break;
      case COS: cos(o, oo, a, ao, n); break;
      default: pow(o, oo, a, ao, b, bo, n);
    }
  }

  private static void neg(double[] o, int oo, double[] a, int ao, int n) {
    for (int i = 0; i < n; i++) {
      o[oo + i] = -a[ao + i];
    }
  }

  private static void abs(double[] o, int oo, double[] a, int ao, int n) {
    for (int i = 0; i < n; i++) {
      o[oo + i] = Math.abs(a[ao + i]);
    }
  }

  private static void exp(double[] o, int oo, double[] a, int ao, int n) {
    for (int i = 0; i < n; i++) {
      o[oo + i] = Math.exp(a[ao + i]);
    }
  }

  private static void log(double[] o, int oo, double[] a, int ao, int n) {
    for (int i = 0; i < n; i++) {
      o[oo + i] = Math.log(a[ao + i]);
    }
  }

  private static void sqrt(double[] o, int oo, double[] a, int ao, int n) {
    for (int i = 0; i < n; i++) {
      o[oo + i] = Math.sqrt(a[ao + i]);
    }
  }

  private static void tanh(double[] o, int oo, double[] a, int ao, int n) {
    for (int i = 0; i < n; i++) {
      o[oo + i] = Math.tanh(a[ao + i]);
    }
  }

  private static void log1p(double[] o, int oo, double[] a, int ao, int n) {
    for (int i = 0; i < n; i++) {
      o[oo + i] = Math.log1p(a[ao + i]);
    }
  }

  private static void expm1(double[] o, int oo, double[] a, int ao, int n) {
    for (int i = 0; i < n; i++) {
      o[oo + i] = Math.expm1(a[ao + i]);
    }
  }

  private static void sin(double[] o, int oo, double[] a, int ao, int n) {
    for (int i = 0; i < n; i++) {
      o[oo + i] = Math.sin(a[ao + i]);
    }
  }

  private static void cos(double[] o, int oo, double[] a, int ao, int n) {
    for (int i = 0; i < n; i++) {
      o[oo + i] = Math.cos(a[ao + i]);
    }
  }

  private static void add(double[] o, int oo, double[] a, int ao, double[] b, int bo, int n) {
    for (int i = 0; i < n; i++) {
      o[oo + i] = a[ao + i] + b[bo + i];
    }
  }

  private static void sub(double[] o, int oo, double[] a, int ao, double[] b, int bo, int n) {
    for (int i = 0; i < n; i++) {
      o[oo + i] = a[ao + i] - b[bo + i];
    }
  }

  private static void mul(double[] o, int oo, double[] a, int ao, double[] b, int bo, int n) {
    for (int i = 0; i < n; i++) {
      o[oo + i] = a[ao + i] * b[bo + i];
    }
  }

  private static void div(double[] o, int oo, double[] a, int ao, double[] b, int bo, int n) {
    for (int i = 0; i < n; i++) {
      o[oo + i] = a[ao + i] / b[bo + i];
    }
  }

  private static void min(double[] o, int oo, double[] a, int ao, double[] b, int bo, int n) {
    for (int i = 0; i < n; i++) {
      o[oo + i] = Math.min(a[ao + i], b[bo + i]);
    }
  }

  private static void max(double[] o, int oo, double[] a, int ao, double[] b, int bo, int n) {
    for (int i = 0; i < n; i++) {
      o[oo + i] = Math.max(a[ao + i], b[bo + i]);
    }
  }

  private static void pow(double[] o, int oo, double[] a, int ao, double[] b, int bo, int n) {
    for (int i = 0; i < n; i++) {
      o[oo + i] = Math.pow(a[ao + i], b[bo + i]);
    }
  }
}
