package dev.chainrule.core.tensor;

import java.util.function.DoubleBinaryOperator;

/**
 * The broadcasting kernel: applies a binary function elementwise to two tensors whose shapes
 * broadcast together under NumPy's rules, and copies a tensor out to a larger shape.
 */
public final class Broadcast {
  private Broadcast() {}

  /** Returns {@code f(a, b)} elementwise in a new tensor of the broadcast shape. */
  public static Tensor apply(Tensor a, Tensor b, DoubleBinaryOperator f) {
    Shape out = Shape.broadcastOrNull(a.shape(), b.shape());
    if (out == null) {
      throw new IllegalArgumentException("shapes " + a.shape() + " and " + b.shape()
          + " do not broadcast: a pair of dimensions differs and neither is 1");
    }
    Tensor result = Tensor.zeros(out);
    into(a, b, result, f);
    return result;
  }

  /**
   * Writes {@code f(a, b)} elementwise into {@code out}, whose shape must be the broadcast shape of
   * {@code a} and {@code b}; {@code out} may be {@code a} or {@code b} when it has their shape.
   */
  public static void into(Tensor a, Tensor b, Tensor out, DoubleBinaryOperator f) {
    double[] x = a.buffer();
    double[] y = b.buffer();
    double[] o = out.buffer();
    int n = o.length;
    if (x.length == n && y.length == n) {
      for (int i = 0; i < n; i++) {
        o[i] = f.applyAsDouble(x[i], y[i]);
      }
    } else if (y.length == 1 && x.length == n) {
      double v = y[0];
      for (int i = 0; i < n; i++) {
        o[i] = f.applyAsDouble(x[i], v);
      }
    } else if (x.length == 1 && y.length == n) {
      double v = x[0];
      for (int i = 0; i < n; i++) {
        o[i] = f.applyAsDouble(v, y[i]);
      }
    } else {
      general(a, b, out, f);
    }
  }

  private static void general(Tensor a, Tensor b, Tensor out, DoubleBinaryOperator f) {
    new BroadcastLoop(out.shape(), a.shape(), b.shape()).apply(a.buffer(), b.buffer(),
        out.buffer(), f);
  }

  /**
   * Returns the strides with which an operand of shape {@code operand} is read while iterating
   * over {@code target} in row-major order: 0 along every broadcast axis.
   */
  static int[] stridesIn(Shape operand, Shape target) {
    int rank = target.rank();
    int offset = rank - operand.rank();
    int[] own = operand.strides();
    int[] s = new int[rank];
    for (int i = offset; i < rank; i++) {
      s[i] = operand.dim(i - offset) == 1 ? 0 : own[i - offset];
    }
    return s;
  }

  /** Returns a new tensor holding {@code a} broadcast to {@code target}. */
  public static Tensor to(Tensor a, Shape target) {
    if (!a.shape().broadcastsTo(target)) {
      throw new IllegalArgumentException("shape " + a.shape() + " cannot be broadcast to "
          + target);
    }
    Tensor out = Tensor.zeros(target);
    into(a, out, out, (x, ignored) -> x);
    return out;
  }
}
