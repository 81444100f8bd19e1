package dev.chainrule.examples.bench.jmh;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * Times a compiled plan of one matrix product, X (1024, 784) · W (784, 256) — a batch of
 * Fashion-MNIST images through the first layer of the MLP — in float64 (the reference) and in
 * float32, where the plan's product calls the float GEMM. Both plans live in the one JVM; run with
 * {@code -f 0} to time them in the JVM that runs JMH, and with {@code -jvmArgsAppend
 * -Dchainrule.blas=java} for the Java kernels instead of the native BLAS.
 */
public class MatMulPlanBenchmark extends JmhDefaults {
  private Plan doubles;
  private Plan floats;

  /** Builds and compiles the product in both dtypes from the same numbers. */
  @Setup
  public void setUp() {
    Random random = new Random(7);
    Tensor x = Tensor.of(random.doubles(1024L * 784, -1, 1).toArray(), 1024, 784);
    Tensor w = Tensor.of(random.doubles(784L * 256, -0.05, 0.05).toArray(), 784, 256);
    doubles = product(x, w, DType.FLOAT64);
    floats = product(x, w, DType.FLOAT32);
  }

  private static Plan product(Tensor x, Tensor w, DType dtype) {
    Graph g = new Graph(dtype);
    Node y = g.constant("X", x.to(dtype)).matmul(g.parameter("W", w.to(dtype))).named("Y");
    return Plan.compile(List.of(y));
  }

  /** The float64 product: the reference. */
  @Benchmark
  public Results float64() {
    return doubles.run(Feeds.none());
  }

  /** The float32 product on the float GEMM. */
  @Benchmark
  public Results float32() {
    return floats.run(Feeds.none());
  }
}
