package dev.chainrule.core.graph.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;

/**
 * The float32 tolerance of a sum of products, from its summation depth: a sum of k terms computed
 * in float, in any order and blocking, with or without fused multiply-adds, is within γ_k = k·u /
 * (1 − k·u) of the exact sum times the sum of the terms' magnitudes (u = 2⁻²⁴, the unit roundoff of
 * float; Higham, Accuracy and Stability of Numerical Algorithms, §3.1). The float64 reference
 * carries the same bound with 2⁻⁵³, added here. The terms' magnitudes are the same sum over the
 * inputs' absolute values, computed by the reference evaluation itself. Depth 0 (a maximum, a
 * gather) means the values must agree exactly.
 */
final class RoundingBound {
  private static final double U32 = 0x1p-24;
  private static final double U64 = 0x1p-53;

  private RoundingBound() {}

  /** Returns γ_k for float32 plus the float64 reference's own γ_k. */
  static double gamma(int depth) {
    return depth * U32 / (1 - depth * U32) + depth * 2 * U64;
  }

  /**
   * Asserts that the float32 tensor {@code got} is within γ_depth · {@code magnitude} of the
   * float64 {@code expected}, element by element, naming the first element that is not.
   */
  static void assertWithin(String what, Tensor got, Tensor expected, Tensor magnitude,
      int depth) {
    assertEquals(DType.FLOAT32, got.dtype(), what + " is computed in float32");
    assertEquals(expected.shape(), got.shape(), what + " has the reference's shape");
    double[] g = got.toArray();
    double[] e = expected.toArray();
    double[] m = magnitude.toArray();
    double gamma = gamma(depth);
    for (int i = 0; i < g.length; i++) {
      double allowed = gamma * Math.abs(m[i]);
      if (!(Math.abs(g[i] - e[i]) <= allowed)) {
        throw new AssertionError(what + ": element " + i + " is " + g[i] + " in float32 but "
            + e[i] + " in float64, " + Math.abs(g[i] - e[i]) + " apart, more than γ_" + depth
            + " · " + m[i] + " = " + allowed);
      }
    }
  }

  /** Returns the elementwise absolute value of a float64 tensor. */
  static Tensor abs(Tensor t) {
    double[] d = t.toArray();
    for (int i = 0; i < d.length; i++) {
      d[i] = Math.abs(d[i]);
    }
    return Tensor.of(d, t.shape().dims());
  }
}
