package dev.chainrule.core.testing;

import dev.chainrule.core.tensor.Tensor;
import java.util.Arrays;

/** Element-by-element comparison of a computed tensor with an independent estimate. */
public final class Close {
  private Close() {}

  /**
   * Returns null when every element satisfies |a − e| ≤ rel·max(|a|, |e|) + abs, else a message
   * naming the worst element; shapes must be equal.
   */
  public static String mismatch(Tensor actual, Tensor expected, double rel, double abs) {
    if (!actual.shape().equals(expected.shape())) {
      return "shape " + actual.shape() + " but expected " + expected.shape();
    }
    double[] a = actual.toArray();
    double[] e = expected.toArray();
    int worst = -1;
    double worstExcess = 0;
    for (int i = 0; i < a.length; i++) {
      double bound = rel * Math.max(Math.abs(a[i]), Math.abs(e[i])) + abs;
      double diff = Math.abs(a[i] - e[i]);
      if (!(diff <= bound) && (worst < 0 || diff / bound > worstExcess)) {
        worst = i;
        worstExcess = diff / bound;
      }
    }
    if (worst < 0) {
      return null;
    }
    return String.format(java.util.Locale.ROOT, "element %d: %.15g vs expected %.15g (|diff| %.3e, "
        + "%.1fx the bound)%n actual   %s%n expected %s", worst, a[worst], e[worst],
        Math.abs(a[worst] - e[worst]), worstExcess, Arrays.toString(a), Arrays.toString(e));
  }

  /** Fails with a message naming {@code what} unless the tensors agree as in {@link #mismatch}. */
  public static void assertClose(String what, Tensor actual, Tensor expected, double rel,
      double abs) {
    String m = mismatch(actual, expected, rel, abs);
    if (m != null) {
      throw new AssertionError(what + ": " + m);
    }
  }
}
