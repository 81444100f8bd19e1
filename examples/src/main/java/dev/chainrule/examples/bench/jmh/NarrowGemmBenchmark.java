package dev.chainrule.examples.bench.jmh;

import dev.ludovic.netlib.blas.BLAS;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Times W3's three products with the 10-class output layer, {@code A1 · W2}, {@code dZ2 · W2ᵀ} and
 * {@code A1ᵀ · dZ2}, through {@link dev.chainrule.core.tensor.Gemm#gemm}, which cuts such a
 * narrow product into blocks the native BLAS runs on one thread, against the reference: the same
 * product as one call of the native BLAS, threaded as the BLAS chooses ({@code
 * OPENBLAS_NUM_THREADS}, by default every core).
 */
public class NarrowGemmBenchmark extends JmhDefaults {
  /** The product as {@code MxNxK/TT}: sizes, then N or T for whether A and B are transposed. */
  @Param({"1024x10x256/NN", "1024x256x10/NT", "256x10x1024/TN"})
  public String shape;

  /** The candidate: {@code chainrule} (cut into blocks) or {@code blas-whole} (one call). */
  @Param({"chainrule", "blas-whole"})
  public String impl;

  private GemmShape p;
  private BLAS blas;

  /** Parses the parameters, fills the operands and checks that a native BLAS is there. */
  @Setup
  public void setUp() {
    p = GemmShape.parse(shape);
    blas = GemmShape.nativeBlas();
    if (!impl.equals("chainrule") && !impl.equals("blas-whole")) {
      throw new IllegalArgumentException("impl must be chainrule or blas-whole, got '" + impl
          + "'");
    }
  }

  /** Runs the candidate once and returns C so that the work cannot be optimised away. */
  @Benchmark
  public double[] gemm() {
    if (impl.equals("chainrule")) {
      p.chainruleProduct();
    } else {
      p.nativeProduct(blas);
    }
    return p.c();
  }
}
