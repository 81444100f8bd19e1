package dev.chainrule.core.check;

import dev.chainrule.core.tensor.Finiteness;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;

/**
 * Elementwise error measures between two tensors of one shape. Two elements are the same when
 * they are equal or both NaN; an element where they differ and either is NaN or infinite is a
 * non-finite mismatch, which the finite measures ({@link #maxAbsFinite}, {@link #scale}) skip and
 * {@link NonFinite} reports.
 */
final class Errors {
  private Errors() {}

  /** Returns true when {@code a} and {@code b} are equal or both NaN. */
  static boolean same(double a, double b) {
    return a == b || Double.isNaN(a) && Double.isNaN(b);
  }

  /** Returns true when the two differ and one of them is NaN or infinite. */
  static boolean nonFiniteMismatch(double a, double b) {
    return !same(a, b) && !(Double.isFinite(a) && Double.isFinite(b));
  }

  /** Returns the largest |a − b| over all elements: NaN or ∞ when a non-finite mismatch exists. */
  static double maxAbs(Tensor a, Tensor b) {
    double m = 0;
    for (int i = 0; i < a.size(); i++) {
      double x = a.buffer()[i];
      double y = b.buffer()[i];
      if (!same(x, y)) {
        double d = Math.abs(x - y);
        m = Double.isNaN(d) || d > m ? d : m;
        if (Double.isNaN(m)) {
          return m;
        }
      }
    }
    return m;
  }

  /** Returns the largest |a − b| over the elements where both are finite. */
  static double maxAbsFinite(Tensor a, Tensor b) {
    double m = 0;
    for (int i = 0; i < a.size(); i++) {
      double x = a.buffer()[i];
      double y = b.buffer()[i];
      if (Double.isFinite(x) && Double.isFinite(y)) {
        m = Math.max(m, Math.abs(x - y));
      }
    }
    return m;
  }

  /**
   * Returns the largest |a − b| / max(|a|, |b|) over the elements where both are finite, counting
   * elements where both are 0 as equal.
   */
  static double maxRelFinite(Tensor a, Tensor b) {
    double m = 0;
    for (int i = 0; i < a.size(); i++) {
      double x = a.buffer()[i];
      double y = b.buffer()[i];
      double d = Math.abs(x - y);
      if (d > 0 && Double.isFinite(d)) {
        m = Math.max(m, d / Math.max(Math.abs(x), Math.abs(y)));
      }
    }
    return m;
  }

  /**
   * Returns the relative error over all elements: {@link #maxRelFinite}, or NaN when a
   * non-finite mismatch exists.
   */
  static double maxRel(Tensor a, Tensor b) {
    return NonFinite.of(a, b) != null ? Double.NaN : maxRelFinite(a, b);
  }

  /**
   * Returns the largest finite magnitude in either tensor, the scale errors are measured against
   * (1 when there is none).
   */
  static double scale(Tensor a, Tensor b) {
    double m = Math.max(largestFinite(a), largestFinite(b));
    return m == 0 ? 1 : m;
  }

  private static double largestFinite(Tensor t) {
    double m = 0;
    for (double v : t.buffer()) {
      if (Double.isFinite(v)) {
        m = Math.max(m, Math.abs(v));
      }
    }
    return m;
  }

  /**
   * Returns the flat index of the first non-finite mismatch, or else of the largest absolute
   * difference.
   */
  static int worst(Tensor a, Tensor b) {
    NonFinite n = NonFinite.of(a, b);
    if (n != null) {
      return n.firstFlat();
    }
    int worst = 0;
    double m = -1;
    for (int i = 0; i < a.size(); i++) {
      double d = Math.abs(a.buffer()[i] - b.buffer()[i]);
      if (d > m) {
        m = d;
        worst = i;
      }
    }
    return worst;
  }

  static int[] index(Shape shape, int flat) {
    int[] idx = new int[shape.rank()];
    for (int k = shape.rank() - 1; k >= 0; k--) {
      idx[k] = flat % shape.dim(k);
      flat /= shape.dim(k);
    }
    return idx;
  }

  /**
   * Returns c when manual = c·autograd at every element to 1e-9 (and c ≠ 1), else null; null too
   * when either holds a value that is not finite.
   */
  static Double factor(Tensor manual, Tensor autograd) {
    if (!Finiteness.allFinite(manual) || !Finiteness.allFinite(autograd)) {
      return null;
    }
    double s = scale(autograd, autograd);
    Double c = null;
    for (int i = 0; i < manual.size(); i++) {
      double a = autograd.buffer()[i];
      double m = manual.buffer()[i];
      if (Math.abs(a) <= 1e-9 * s) {
        if (Math.abs(m) > 1e-9 * scale(manual, manual)) {
          return null;
        }
        continue;
      }
      double r = m / a;
      if (c == null) {
        c = r;
      } else if (Math.abs(r - c) > 1e-9 * Math.abs(c)) {
        return null;
      }
    }
    return c == null || Math.abs(c - 1) < 1e-9 ? null : c;
  }
}
