package dev.chainrule.examples.bench.jmh;

import dev.chainrule.core.tensor.Gemm;
import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.util.Random;

/**
 * A GEMM benchmark's product, parsed from its {@code MxNxK/TT} parameter (sizes, then N or T for
 * whether A and B are stored transposed), with random operands in [-1, 1) and a C to write.
 *
 * @param m the rows of op(A) and of C
 * @param n the columns of op(B) and of C
 * @param k the columns of op(A) and the rows of op(B)
 * @param transA whether A is stored as (k, m)
 * @param transB whether B is stored as (n, k)
 * @param a A as stored
 * @param b B as stored
 * @param c C, written by each product
 */
record GemmShape(int m, int n, int k, boolean transA, boolean transB, double[] a, double[] b,
    double[] c) {
  /** Parses {@code shape}, e.g. {@code 784x64x256/TN}. */
  static GemmShape parse(String shape) {
    String[] sizes = shape.substring(0, shape.indexOf('/')).split("x");
    int m = Integer.parseInt(sizes[0]);
    int n = Integer.parseInt(sizes[1]);
    int k = Integer.parseInt(sizes[2]);
    Random random = new Random(42);
    return new GemmShape(m, n, k, shape.charAt(shape.length() - 2) == 'T',
        shape.charAt(shape.length() - 1) == 'T', random.doubles((long) m * k, -1, 1).toArray(),
        random.doubles((long) k * n, -1, 1).toArray(), new double[m * n]);
  }

  /** Returns A's row stride as stored. */
  int lda() {
    return transA ? m : k;
  }

  /** Returns B's row stride as stored. */
  int ldb() {
    return transB ? k : n;
  }

  /** Computes the product with chainrule's {@link Gemm#gemm}. */
  void chainruleProduct() {
    Gemm.gemm(transA, transB, m, n, k, 1.0, a, 0, lda(), b, 0, ldb(), 0.0, c, 0, n);
  }

  /**
   * Computes the product with one call of {@code blas}'s {@code dgemm}, which is column-major:
   * the row-major {@code C = op(A) · op(B)} is the column-major {@code Cᵀ = op(B)ᵀ · op(A)ᵀ}.
   */
  void nativeProduct(BLAS blas) {
    blas.dgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k, 1.0, b, 0, ldb(), a, 0, lda(),
        0.0, c, 0, n);
  }

  /**
   * Returns the machine's native BLAS.
   *
   * @throws IllegalStateException naming what was found instead when there is none
   */
  static BLAS nativeBlas() {
    BLAS blas = BLAS.getInstance();
    if (!(blas instanceof NativeBLAS)) {
      throw new IllegalStateException("no native BLAS: BLAS.getInstance() returned "
          + blas.getClass().getName() + "; install one, e.g. apt-get install libopenblas0");
    }
    return blas;
  }
}
