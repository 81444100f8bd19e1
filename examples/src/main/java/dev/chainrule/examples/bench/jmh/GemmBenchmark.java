package dev.chainrule.examples.bench.jmh;

import dev.chainrule.core.tensor.Gemm;
import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Times {@code C = op(A) · op(B)} for the shapes of a 1024³ product, one 784-256-64 MLP step in
 * each transpose form, and a 2×2, on four candidates: chainrule's former plain loops (the
 * reference), the chainrule Java kernel on one and on two threads, and the native BLAS that
 * chainrule would call (dev.ludovic.netlib over the machine's libblas, usually OpenBLAS; its
 * threads follow {@code OPENBLAS_NUM_THREADS}). GFLOPS = 2·m·n·k / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dchainrule.blas=java"})
public class GemmBenchmark {
  /** The product as {@code MxNxK/TT}: sizes, then N or T for whether A and B are transposed. */
  @Param({"1024x1024x1024/NN", "256x64x784/NN", "784x64x256/TN", "256x784x64/NT",
      "64x256x784/TT", "2x2x2/NN"})
  public String shape;

  /** The candidate: {@code naive}, {@code java-1t}, {@code java-2t} or {@code native}. */
  @Param({"naive", "java-1t", "java-2t", "native"})
  public String impl;

  private boolean transA;
  private boolean transB;
  private int m;
  private int n;
  private int k;
  private double[] a;
  private double[] b;
  private double[] c;
  private BLAS blas;

  /** Parses the parameters, fills the operands and readies the candidate. */
  @Setup
  public void setUp() {
    String[] sizes = shape.substring(0, shape.indexOf('/')).split("x");
    m = Integer.parseInt(sizes[0]);
    n = Integer.parseInt(sizes[1]);
    k = Integer.parseInt(sizes[2]);
    transA = shape.charAt(shape.length() - 2) == 'T';
    transB = shape.charAt(shape.length() - 1) == 'T';
    Random random = new Random(42);
    a = random.doubles((long) m * k, -1, 1).toArray();
    b = random.doubles((long) k * n, -1, 1).toArray();
    c = new double[m * n];
    if (impl.startsWith("java-")) {
      Gemm.setThreads(Integer.parseInt(impl.substring(5, impl.length() - 1)));
    } else if (impl.equals("native")) {
      blas = BLAS.getInstance();
      if (!(blas instanceof NativeBLAS)) {
        throw new IllegalStateException("no native BLAS: BLAS.getInstance() returned "
            + blas.getClass().getName() + "; install one, e.g. apt-get install libopenblas0");
      }
    } else if (!impl.equals("naive")) {
      throw new IllegalArgumentException(
          "impl must be naive, java-1t, java-2t or native, got '" + impl + "'");
    }
  }

  /** Runs the candidate once and returns C so that the work cannot be optimised away. */
  @Benchmark
  public double[] gemm() {
    int lda = transA ? m : k;
    int ldb = transB ? k : n;
    if (blas != null) {
      blas.dgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k, 1.0, b, 0, ldb, a, 0, lda, 0.0,
          c, 0, n);
    } else if (impl.equals("naive")) {
      naive(lda, ldb);
    } else {
      Gemm.gemm(transA, transB, m, n, k, 1.0, a, 0, lda, b, 0, ldb, 0.0, c, 0, n);
    }
    return c;
  }

  /**
   * The reference: chainrule's GEMM before the blocked kernel, plain loops over the operands in
   * place (row-axpy order {@code i, p, j} when B is read as stored, dot products when it is
   * transposed).
   */
  private void naive(int lda, int ldb) {
    Arrays.fill(c, 0.0);
    for (int i = 0; i < m; i++) {
      int row = i * n;
      if (!transB) {
        for (int p = 0; p < k; p++) {
          double aip = transA ? a[p * lda + i] : a[i * lda + p];
          int brow = p * ldb;
          for (int j = 0; j < n; j++) {
            c[row + j] += aip * b[brow + j];
          }
        }
      } else {
        for (int j = 0; j < n; j++) {
          int brow = j * ldb;
          double s = 0;
          for (int p = 0; p < k; p++) {
            s += (transA ? a[p * lda + i] : a[i * lda + p]) * b[brow + p];
          }
          c[row + j] = s;
        }
      }
    }
  }
}
