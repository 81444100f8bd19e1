package dev.chainrule.examples.bench.jmh;

import dev.chainrule.core.tensor.Gemm;
import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.util.Random;

/**
 * A GEMM benchmark's product, parsed from its {@code MxNxK/TT} parameter (sizes, then N or T for
 * whether A and B are stored transposed), with random operands in [-1, 1) and a C to write.
 */
final class GemmShape {
  final int m;
  final int n;
  final int k;
  final boolean transA;
  final boolean transB;
  final double[] a;
  final double[] b;
  final double[] c;

  private GemmShape(int m, int n, int k, boolean transA, boolean transB) {
    this.m = m;
    this.n = n;
    this.k = k;
    this.transA = transA;
    this.transB = transB;
    Random random = new Random(42);
    a = random.doubles((long) m * k, -1, 1).toArray();
    b = random.doubles((long) k * n, -1, 1).toArray();
    c = new double[m * n];
  }

  /** Parses {@code shape}, e.g. {@code 784x64x256/TN}. */
  static GemmShape parse(String shape) {
    String[] sizes = shape.substring(0, shape.indexOf('/')).split("x");
    return new GemmShape(Integer.parseInt(sizes[0]), Integer.parseInt(sizes[1]),
        Integer.parseInt(sizes[2]), shape.charAt(shape.length() - 2) == 'T',
        shape.charAt(shape.length() - 1) == 'T');
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
