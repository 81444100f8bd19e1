package dev.chainrule.core.check;

import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;

/** Elementwise error measures between two tensors of one shape. */
final class Errors {
  private Errors() {}

  static double maxAbs(Tensor a, Tensor b) {
    double m = 0;
    for (int i = 0; i < a.size(); i++) {
      m = Math.max(m, Math.abs(a.buffer()[i] - b.buffer()[i]));
    }
    return m;
  }

  /** Returns the largest |a − b| / max(|a|, |b|), counting elements where both are 0 as equal. */
  static double maxRel(Tensor a, Tensor b) {
    double m = 0;
    for (int i = 0; i < a.size(); i++) {
      double x = a.buffer()[i];
      double y = b.buffer()[i];
      double d = Math.abs(x - y);
      if (d > 0) {
        m = Math.max(m, d / Math.max(Math.abs(x), Math.abs(y)));
      }
    }
    return m;
  }

  /** Returns the largest magnitude in either tensor, the scale errors are measured against. */
  static double scale(Tensor a, Tensor b) {
    double m = 0;
    for (double v : a.buffer()) {
      m = Math.max(m, Math.abs(v));
    }
    for (double v : b.buffer()) {
      m = Math.max(m, Math.abs(v));
    }
    return m == 0 ? 1 : m;
  }

  /** Returns the flat index of the largest absolute difference. */
  static int worst(Tensor a, Tensor b) {
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

  /** Returns c when manual = c·autograd at every element to 1e-9 (and c ≠ 1), else null. */
  static Double factor(Tensor manual, Tensor autograd) {
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
