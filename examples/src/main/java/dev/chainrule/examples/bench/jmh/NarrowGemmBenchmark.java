package dev.chainrule.examples.bench.jmh;

import dev.chainrule.core.tensor.Gemm;
import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
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
 * Times W3's three products with the 10-class output layer, {@code A1 · W2}, {@code dZ2 · W2ᵀ} and
 * {@code A1ᵀ · dZ2}, through {@link Gemm#gemm} (which cuts such a narrow product into blocks the
 * native BLAS runs on one thread) against the reference: the same product as one call of the
 * native BLAS, threaded as the BLAS chooses ({@code OPENBLAS_NUM_THREADS}, by default every core).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class NarrowGemmBenchmark {
  /** The product as {@code MxNxK/TT}: sizes, then N or T for whether A and B are transposed. */
  @Param({"1024x10x256/NN", "1024x256x10/NT", "256x10x1024/TN"})
  public String shape;

  /** The candidate: {@code chainrule} (cut into blocks) or {@code blas-whole} (one call). */
  @Param({"chainrule", "blas-whole"})
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

  /** Parses the parameters, fills the operands and checks that a native BLAS is there. */
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
    blas = BLAS.getInstance();
    if (!(blas instanceof NativeBLAS)) {
      throw new IllegalStateException("no native BLAS: BLAS.getInstance() returned "
          + blas.getClass().getName() + "; install one, e.g. apt-get install libopenblas0");
    }
    if (!impl.equals("chainrule") && !impl.equals("blas-whole")) {
      throw new IllegalArgumentException("impl must be chainrule or blas-whole, got '" + impl
          + "'");
    }
  }

  /** Runs the candidate once and returns C so that the work cannot be optimised away. */
  @Benchmark
  public double[] gemm() {
    int lda = transA ? m : k;
    int ldb = transB ? k : n;
    if (impl.equals("chainrule")) {
      Gemm.gemm(transA, transB, m, n, k, 1.0, a, 0, lda, b, 0, ldb, 0.0, c, 0, n);
    } else {
      blas.dgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k, 1.0, b, 0, ldb, a, 0, lda, 0.0,
          c, 0, n);
    }
    return c;
  }
}
