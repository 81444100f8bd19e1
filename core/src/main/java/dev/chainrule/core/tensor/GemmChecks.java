package dev.chainrule.core.tensor;

import java.lang.reflect.Array;

/**
 * Validation of {@link Gemm#gemm} arguments, for either element type, with errors that name the
 * offending values.
 */
final class GemmChecks {
  private GemmChecks() {}

  /** Throws when the sizes are negative or an operand does not fit its array. */
  static void check(boolean transA, boolean transB, int m, int n, int k, Object a, int aOff,
      int lda, Object b, int bOff, int ldb, Object c, int cOff, int ldc) {
    if (m < 0 || n < 0 || k < 0) {
      throw new IllegalArgumentException(
          "gemm sizes must be non-negative, got m=" + m + ", n=" + n + ", k=" + k);
    }
    operand("A", transA ? "transA=true, stored (k, m)" : "transA=false, stored (m, k)", a, aOff,
        lda, transA ? k : m, transA ? m : k);
    operand("B", transB ? "transB=true, stored (n, k)" : "transB=false, stored (k, n)", b, bOff,
        ldb, transB ? n : k, transB ? k : n);
    operand("C", "stored (m, n)", c, cOff, ldc, m, n);
  }

  private static void operand(String name, String layout, Object x, int off, int ld, int rows,
      int cols) {
    if (x == null) {
      throw new NullPointerException(
          "gemm operand " + where(name, layout, rows, cols) + " is null");
    }
    if (off < 0) {
      throw new IllegalArgumentException(
          "gemm offset of " + where(name, layout, rows, cols) + " is negative: " + off);
    }
    if (ld < cols) {
      throw new IllegalArgumentException("gemm leading dimension of "
          + where(name, layout, rows, cols) + " is " + ld + ", less than its " + cols + " columns");
    }
    if (rows > 0 && cols > 0) {
      long end = off + (long) (rows - 1) * ld + cols;
      int length = Array.getLength(x);
      if (end > length) {
        throw new IllegalArgumentException("gemm operand " + where(name, layout, rows, cols)
            + " with offset " + off + " and leading dimension " + ld + " needs " + end
            + " elements, but its array has " + length);
      }
    }
  }

  private static String where(String name, String layout, int rows, int cols) {
    return name + " (" + rows + " × " + cols + ", " + layout + ")";
  }
}
