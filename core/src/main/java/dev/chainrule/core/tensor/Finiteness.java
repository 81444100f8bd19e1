package dev.chainrule.core.tensor;

/**
 * Whether a tensor holds NaN or an infinity, and where: a branch-free scan that runs at memory
 * speed for the usual all-finite case, then a search for the first element that is not finite. The
 * executor scans feeds and anomaly-mode outputs with it; a data set scans its samples once, when it
 * is built.
 */
public final class Finiteness {
  private Finiteness() {}

  /** Returns true when no element of {@code t}, of either dtype, is NaN or infinite. */
  public static boolean allFinite(Tensor t) {
    if (t.dtype() == DType.FLOAT64) {
      return allFinite(t.buffer(), 0, t.size());
    }
    float[] f = t.floatBuffer();
    float s0 = 0;
    float s1 = 0;
    int i = 0;
    for (; i + 1 < f.length; i += 2) {
      s0 += f[i] * 0.0f;
      s1 += f[i + 1] * 0.0f;
    }
    for (; i < f.length; i++) {
      s0 += f[i] * 0.0f;
    }
    return s0 + s1 == 0.0f;
  }

  /**
   * Returns true when no element of {@code d[from .. to)} is NaN or infinite: x·0 is 0 for every
   * finite x and NaN otherwise, and NaN survives a sum. Four independent sums and no branch let
   * the loop run at memory speed.
   */
  public static boolean allFinite(double[] d, int from, int to) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      s0 += d[i] * 0.0;
      s1 += d[i + 1] * 0.0;
      s2 += d[i + 2] * 0.0;
      s3 += d[i + 3] * 0.0;
    }
    for (; i < to; i++) {
      s0 += d[i] * 0.0;
    }
    return s0 + s1 + s2 + s3 == 0.0;
  }

  /**
   * Returns the flat index (row-major) of the first NaN or infinite element of {@code t}, or -1
   * when every element is finite.
   */
  public static int firstNonFinite(Tensor t) {
    if (allFinite(t)) {
      return -1;
    }
    int n = t.size();
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(valueAt(t, i))) {
        return i;
      }
    }
    return -1;
  }

  /** Returns the element at flat index {@code i} of {@code t}, widened to a double for float32. */
  public static double valueAt(Tensor t, int i) {
    return t.dtype() == DType.FLOAT64 ? t.buffer()[i] : t.floatBuffer()[i];
  }
}
