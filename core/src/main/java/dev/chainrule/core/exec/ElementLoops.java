package dev.chainrule.core.exec;

import static dev.chainrule.core.exec.Opcodes.ABS;
import static dev.chainrule.core.exec.Opcodes.ADD;
import static dev.chainrule.core.exec.Opcodes.BINARY;
import static dev.chainrule.core.exec.Opcodes.COPY;
import static dev.chainrule.core.exec.Opcodes.DIV;
import static dev.chainrule.core.exec.Opcodes.EQ;
import static dev.chainrule.core.exec.Opcodes.EXP;
import static dev.chainrule.core.exec.Opcodes.GE;
import static dev.chainrule.core.exec.Opcodes.GT;
import static dev.chainrule.core.exec.Opcodes.LE;
import static dev.chainrule.core.exec.Opcodes.LEAKY_RELU;
import static dev.chainrule.core.exec.Opcodes.LOG;
import static dev.chainrule.core.exec.Opcodes.LT;
import static dev.chainrule.core.exec.Opcodes.MUL;
import static dev.chainrule.core.exec.Opcodes.NEG;
import static dev.chainrule.core.exec.Opcodes.POW;
import static dev.chainrule.core.exec.Opcodes.RELU;
import static dev.chainrule.core.exec.Opcodes.SELECT;
import static dev.chainrule.core.exec.Opcodes.SIGMOID;
import static dev.chainrule.core.exec.Opcodes.SQRT;
import static dev.chainrule.core.exec.Opcodes.SQUARE;
import static dev.chainrule.core.exec.Opcodes.SUB;
import static dev.chainrule.core.exec.Opcodes.TANH;
import static dev.chainrule.core.exec.Opcodes.UNARY;

import dev.chainrule.core.graph.ops.Abs;
import dev.chainrule.core.graph.ops.Add;
import dev.chainrule.core.graph.ops.Div;
import dev.chainrule.core.graph.ops.Exp;
import dev.chainrule.core.graph.ops.LeakyRelu;
import dev.chainrule.core.graph.ops.Log;
import dev.chainrule.core.graph.ops.Mul;
import dev.chainrule.core.graph.ops.Neg;
import dev.chainrule.core.graph.ops.Pow;
import dev.chainrule.core.graph.ops.Relu;
import dev.chainrule.core.graph.ops.Sigmoid;
import dev.chainrule.core.graph.ops.Sqrt;
import dev.chainrule.core.graph.ops.Square;
import dev.chainrule.core.graph.ops.Sub;
import dev.chainrule.core.graph.ops.Tanh;
import dev.chainrule.core.graph.ops.UnaryElementwise;
import java.util.function.DoubleBinaryOperator;

/**
 * The loops of the {@link Opcodes} instruction set: one loop per code over a run of elements, and
 * a scalar form for one element. Each loop calls the operation's own method through its exact
 * class, which the JIT inlines, so every code compiles to a tight loop of its own; every array of a
 * loop is indexed by the loop counter itself, the form the JIT vectorises. Comparisons run a
 * branch-free pass (vectorised) and then a pass that recomputes, exactly, the rare elements that
 * came out NaN.
 */
final class ElementLoops {
  private ElementLoops() {}

  /** Writes {@code f(a[i])} to {@code o[i]} for i in [from, to). */
  static void unary(int code, Object attr, double[] a, double[] o, int from, int to) {
    switch (code) {
      case COPY:
        System.arraycopy(a, from, o, from, to - from);
        break;
      case NEG:
        for (int i = from; i < to; i++) {
          o[i] = Neg.INSTANCE.apply(a[i]);
        }
        break;
      case EXP:
        for (int i = from; i < to; i++) {
          o[i] = Exp.INSTANCE.apply(a[i]);
        }
        break;
      case LOG:
        for (int i = from; i < to; i++) {
          o[i] = Log.INSTANCE.apply(a[i]);
        }
        break;
      case SQRT:
        for (int i = from; i < to; i++) {
          o[i] = Sqrt.INSTANCE.apply(a[i]);
        }
        break;
      case ABS:
        for (int i = from; i < to; i++) {
          o[i] = Abs.INSTANCE.apply(a[i]);
        }
        break;
      case SQUARE:
        for (int i = from; i < to; i++) {
          o[i] = Square.INSTANCE.apply(a[i]);
        }
        break;
      default:
        unaryFunctions(code, attr, a, o, from, to);
    }
  }

  private static void unaryFunctions(int code, Object attr, double[] a, double[] o, int from,
      int to) {
    switch (code) {
      case SIGMOID:
        for (int i = from; i < to; i++) {
          o[i] = Sigmoid.INSTANCE.apply(a[i]);
        }
        break;
      case TANH:
        for (int i = from; i < to; i++) {
          o[i] = Tanh.INSTANCE.apply(a[i]);
        }
        break;
      case RELU:
        for (int i = from; i < to; i++) {
          o[i] = Relu.INSTANCE.apply(a[i]);
        }
        break;
      case LEAKY_RELU: {
        LeakyRelu f = (LeakyRelu) attr;
        for (int i = from; i < to; i++) {
          o[i] = f.apply(a[i]);
        }
        break;
      }
      case POW: {
        Pow f = (Pow) attr;
        for (int i = from; i < to; i++) {
          o[i] = f.apply(a[i]);
        }
        break;
      }
      default: {
        UnaryElementwise f = (UnaryElementwise) attr;
        for (int i = from; i < to; i++) {
          o[i] = f.apply(a[i]);
        }
      }
    }
  }

  /** Writes {@code f(a[i], b[i])} to {@code o[i]} for i in [from, to). */
  static void binary(int code, Object attr, double[] a, double[] b, double[] o, int from,
      int to) {
    switch (code) {
      case ADD:
        for (int i = from; i < to; i++) {
          o[i] = Add.INSTANCE.applyAsDouble(a[i], b[i]);
        }
        break;
      case SUB:
        for (int i = from; i < to; i++) {
          o[i] = Sub.INSTANCE.applyAsDouble(a[i], b[i]);
        }
        break;
      case MUL:
        for (int i = from; i < to; i++) {
          o[i] = Mul.INSTANCE.applyAsDouble(a[i], b[i]);
        }
        break;
      case DIV:
        for (int i = from; i < to; i++) {
          o[i] = Div.INSTANCE.applyAsDouble(a[i], b[i]);
        }
        break;
      default:
        comparisons(code, attr, a, b, o, from, to);
    }
  }

  private static void comparisons(int code, Object attr, double[] a, double[] b, double[] o,
      int from, int to) {
    if (code == BINARY) {
      DoubleBinaryOperator f = (DoubleBinaryOperator) attr;
      for (int i = from; i < to; i++) {
        o[i] = f.applyAsDouble(a[i], b[i]);
      }
      return;
    }
    if (o == a || o == b) {
      for (int i = from; i < to; i++) {
        o[i] = compare(code, a[i], b[i]);
      }
      return;
    }
    switch (code) {
      case GT: lift(a, b, o, from, to); break;
      case LT: lift(b, a, o, from, to); break;
      case GE: liftComplement(a, b, o, from, to); break;
      case LE: liftComplement(b, a, o, from, to); break;
      default:
        for (int i = from; i < to; i++) {
          o[i] = 1.0 - Math.min(Math.abs(a[i] - b[i]) * LIFT * LIFT, 1.0);
        }
    }
    for (int i = from; i < to; i++) {
      if (o[i] != o[i]) {
        o[i] = compare(code, a[i], b[i]);
      }
    }
  }

  /** Writes 1 where x &gt; y, else 0, except NaN where x − y is NaN (fixed afterwards). */
  private static void lift(double[] x, double[] y, double[] o, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = Math.min(Math.max(x[i] - y[i], 0.0) * LIFT * LIFT, 1.0);
    }
  }

  /** Writes 1 − (1 where y &gt; x), that is 1 where x ≥ y, except NaN as in {@link #lift}. */
  private static void liftComplement(double[] x, double[] y, double[] o, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = 1.0 - Math.min(Math.max(y[i] - x[i], 0.0) * LIFT * LIFT, 1.0);
    }
  }

  private static double compare(int code, double a, double b) {
    switch (code) {
      case GT: return gt(a, b);
      case GE: return ge(a, b);
      case LT: return lt(a, b);
      case LE: return le(a, b);
      default: return eq(a, b);
    }
  }

  /** Writes {@code c[co + i] != 0 ? a[i] : b[i]} to {@code o[i]}: where. */
  static void select(double[] c, double[] a, double[] b, double[] o, int from, int to) {
    for (int i = from; i < to; i++) {
      o[i] = c[i] != 0 ? a[i] : b[i];
    }
  }

  /** 2⁶⁰⁰: twice applied, it lifts the smallest positive double above 1. */
  private static final double LIFT = 0x1p600;

  /**
   * Returns 1 where {@code a > b}, else 0, exactly as the comparison does, without a branch
   * the processor could mispredict (a ReLU mask is a coin toss per element): a − b has the sign
   * of a − b and is 0 only when a = b, so max(a − b, 0), lifted and capped at 1, is 1 or 0. Only
   * when that is NaN (a NaN operand, or ∞ − ∞) is the comparison itself evaluated.
   */
  static double gt(double a, double b) {
    double r = Math.min(Math.max(a - b, 0.0) * LIFT * LIFT, 1.0);
    return r == r ? r : a > b ? 1.0 : 0.0;
  }

  /** Returns 1 where {@code a ≥ b}, else 0: one minus b &gt; a, exact as {@link #gt}. */
  static double ge(double a, double b) {
    double r = 1.0 - Math.min(Math.max(b - a, 0.0) * LIFT * LIFT, 1.0);
    return r == r ? r : a >= b ? 1.0 : 0.0;
  }

  /** Returns 1 where {@code a < b}, else 0. */
  static double lt(double a, double b) {
    return gt(b, a);
  }

  /** Returns 1 where {@code a ≤ b}, else 0. */
  static double le(double a, double b) {
    return ge(b, a);
  }

  /** Returns 1 where {@code a = b}, else 0: neither is greater, exact as {@link #gt}. */
  static double eq(double a, double b) {
    double r = 1.0 - Math.min(Math.abs(a - b) * LIFT * LIFT, 1.0);
    return r == r ? r : a == b ? 1.0 : 0.0;
  }

  /** Returns {@code c ≠ 0 ? a : b}: compiled code's where. */
  static double choose(double c, double a, double b) {
    return c != 0 ? a : b;
  }

  /** Returns instruction {@code code} applied to single numbers {@code a}, {@code b}, {@code c}. */
  static double scalar(int code, Object attr, double a, double b, double c) {
    switch (code) {
      case COPY: return a;
      case NEG: return Neg.INSTANCE.apply(a);
      case EXP: return Exp.INSTANCE.apply(a);
      case LOG: return Log.INSTANCE.apply(a);
      case SQRT: return Sqrt.INSTANCE.apply(a);
      case ABS: return Abs.INSTANCE.apply(a);
      case SQUARE: return Square.INSTANCE.apply(a);
      case SIGMOID: return Sigmoid.INSTANCE.apply(a);
      case TANH: return Tanh.INSTANCE.apply(a);
      case RELU: return Relu.INSTANCE.apply(a);
      case LEAKY_RELU: return ((LeakyRelu) attr).apply(a);
      case POW: return ((Pow) attr).apply(a);
      case ADD: return Add.INSTANCE.applyAsDouble(a, b);
      case SUB: return Sub.INSTANCE.applyAsDouble(a, b);
      case MUL: return Mul.INSTANCE.applyAsDouble(a, b);
      case DIV: return Div.INSTANCE.applyAsDouble(a, b);
      case GT: return gt(a, b);
      case GE: return ge(a, b);
      case LT: return lt(a, b);
      case LE: return le(a, b);
      case EQ: return eq(a, b);
      case SELECT: return a != 0 ? b : c;
      case UNARY: return ((UnaryElementwise) attr).apply(a);
      default: return ((DoubleBinaryOperator) attr).applyAsDouble(a, b);
    }
  }
}
