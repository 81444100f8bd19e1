package dev.chainrule.examples.bench.jmh;

import dev.chainrule.core.tensor.BatchedGemm;
import dev.chainrule.core.tensor.Gemm;
import dev.chainrule.core.tensor.Shape;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Setup;

/**
 * Times the batched product (64, 32, 128)·(128, 128) — a dense layer applied to every step of 64
 * sequences of 32 — as chainrule's {@link BatchedGemm} runs it (one GEMM of all 2048 rows, since
 * the weight is shared), against the reference of one GEMM per batch element; and the product
 * with a batched B, (64, 32, 128)·(64, 128, 128), which must run per batch element.
 */
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dchainrule.blas=java"})
public class BatchedMatMulBenchmark extends JmhDefaults {
  private static final int BATCH = 64;
  private static final int M = 32;
  private static final int K = 128;
  private static final int N = 128;

  private double[] a;
  private double[] shared;
  private double[] batched;
  private double[] c;
  private BatchedGemm sharedWeight;
  private BatchedGemm batchedWeight;

  /** Fills the operands and prepares both products. */
  @Setup
  public void setUp() {
    Random random = new Random(42);
    a = random.doubles((long) BATCH * M * K, -1, 1).toArray();
    shared = random.doubles((long) K * N, -1, 1).toArray();
    batched = random.doubles((long) BATCH * K * N, -1, 1).toArray();
    c = new double[BATCH * M * N];
    sharedWeight = new BatchedGemm(Shape.of(BATCH, M, K), false, Shape.of(K, N), false);
    batchedWeight = new BatchedGemm(Shape.of(BATCH, M, K), false, Shape.of(BATCH, K, N), false);
  }

  /** The reference: one GEMM per batch element against the shared weight. */
  @Benchmark
  public double[] perBatchElement() {
    for (int i = 0; i < BATCH; i++) {
      Gemm.gemm(false, false, M, N, K, 1.0, a, i * M * K, K, shared, 0, N, 0.0, c, i * M * N, N);
    }
    return c;
  }

  /** chainrule's batched product against the shared weight: one GEMM of every row. */
  @Benchmark
  public double[] sharedWeight() {
    sharedWeight.run(a, shared, c);
    return c;
  }

  /** chainrule's batched product against a weight per batch element. */
  @Benchmark
  public double[] batchedWeight() {
    batchedWeight.run(a, batched, c);
    return c;
  }
}
