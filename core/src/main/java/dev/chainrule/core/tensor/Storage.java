package dev.chainrule.core.tensor;

/** Loops over {@link Tensor} storage: conversions between dtypes, in-place updates, rows. */
final class Storage {
  private Storage() {}

  /** Returns {@code d} rounded to the nearest floats. */
  static float[] narrow(double[] d) {
    float[] f = new float[d.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) d[i];
    }
    return f;
  }

  /** Returns {@code f} widened to doubles, exactly. */
  static double[] widen(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = f[i];
    }
    return d;
  }

  /** Adds {@code alpha · x} to {@code y}; modifies {@code y}. */
  static void addScaled(double[] y, double alpha, double[] x) {
    for (int i = 0; i < y.length; i++) {
      y[i] += alpha * x[i];
    }
  }

  /** Multiplies every element of {@code y} by {@code factor}; modifies {@code y}. */
  static void scale(double[] y, double factor) {
    for (int i = 0; i < y.length; i++) {
      y[i] *= factor;
    }
  }

  /** Adds {@code alpha · x} to {@code y} in float32 arithmetic; modifies {@code y}. */
  static void addScaled(float[] y, float alpha, float[] x) {
    for (int i = 0; i < y.length; i++) {
      y[i] += alpha * x[i];
    }
  }

  /** Multiplies every element of {@code y} by {@code factor}; modifies {@code y}. */
  static void scale(float[] y, float factor) {
    for (int i = 0; i < y.length; i++) {
      y[i] *= factor;
    }
  }

  /** Returns the rows, each of {@code c} values, one after another; throws at an unequal row. */
  static double[] flatten(double[][] rows, int c) {
    double[] d = new double[rows.length * c];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != c) {
        throw new IllegalArgumentException("row " + i + " has " + rows[i].length
            + " values but row 0 has " + c + "; a matrix needs rows of equal length");
      }
      System.arraycopy(rows[i], 0, d, i * c, c);
    }
    return d;
  }

  /** Returns the row-major {@code d} as {@code r} rows of {@code c} values. */
  static double[][] rows(double[] d, int r, int c) {
    double[][] out = new double[r][c];
    for (int i = 0; i < r; i++) {
      System.arraycopy(d, i * c, out[i], 0, c);
    }
    return out;
  }
}
