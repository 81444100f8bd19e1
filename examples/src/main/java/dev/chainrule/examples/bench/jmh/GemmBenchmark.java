package dev.chainrule.examples.bench.jmh;

import dev.chainrule.core.tensor.Gemm;
import dev.ludovic.netlib.blas.BLAS;
import java.util.Arrays;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Times {@code C = op(A) · op(B)} for the shapes of a 1024³ product, one 784-256-64 MLP step in
 * each transpose form, and a 2×2, on four candidates: chainrule's former plain loops (the
 * reference), the chainrule Java kernel on one and on two threads, and the native BLAS that
 * chainrule would call (dev.ludovic.netlib over the machine's libblas, usually OpenBLAS; its
 * threads follow {@code OPENBLAS_NUM_THREADS}). GFLOPS = 2·m·n·k / time.
 */
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dchainrule.blas=java"})
public class GemmBenchmark extends JmhDefaults {
  /** The product as {@code MxNxK/TT}: sizes, then N or T for whether A and B are transposed. */
  @Param({"1024x1024x1024/NN", "256x64x784/NN", "784x64x256/TN", "256x784x64/NT",
      "64x256x784/TT", "2x2x2/NN"})
  public String shape;

  /** The candidate: {@code naive}, {@code java-1t}, {@code java-2t} or {@code native}. */
  @Param({"naive", "java-1t", "java-2t", "native"})
  public String impl;

  private GemmShape p;
  private BLAS blas;

  /** Parses the parameters, fills the operands and readies the candidate. */
  @Setup
  public void setUp() {
    p = GemmShape.parse(shape);
    if (impl.startsWith("java-")) {
      Gemm.setThreads(Integer.parseInt(impl.substring(5, impl.length() - 1)));
    } else if (impl.equals("native")) {
      blas = GemmShape.nativeBlas();
    } else if (!impl.equals("naive")) {
      throw new IllegalArgumentException(
          "impl must be naive, java-1t, java-2t or native, got '" + impl + "'");
    }
  }

  /** Runs the candidate once and returns C so that the work cannot be optimised away. */
  @Benchmark
  public double[] gemm() {
    if (blas != null) {
      p.nativeProduct(blas);
    } else if (impl.equals("naive")) {
      naive();
    } else {
      p.chainruleProduct();
    }
    return p.c();
  }

  /**
   * The reference: chainrule's GEMM before the blocked kernel, plain loops over the operands in
   * place (row-axpy order {@code i, q, j} when B is read as stored, dot products when it is
   * transposed).
   */
  private void naive() {
    double[] a = p.a();
    double[] b = p.b();
    double[] c = p.c();
    int m = p.m();
    int n = p.n();
    int k = p.k();
    boolean transA = p.transA();
    int lda = p.lda();
    int ldb = p.ldb();
    Arrays.fill(c, 0.0);
    for (int i = 0; i < m; i++) {
      int row = i * n;
      if (!p.transB()) {
        for (int q = 0; q < k; q++) {
          double aiq = transA ? a[q * lda + i] : a[i * lda + q];
          int brow = q * ldb;
          for (int j = 0; j < n; j++) {
            c[row + j] += aiq * b[brow + j];
          }
        }
      } else {
        for (int j = 0; j < n; j++) {
          int brow = j * ldb;
          double s = 0;
          for (int q = 0; q < k; q++) {
            s += (transA ? a[q * lda + i] : a[i * lda + q]) * b[brow + q];
          }
          c[row + j] = s;
        }
      }
    }
  }
}
