package dev.chainrule.examples.bench;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.MatMulKernel;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * W4: a 1024 × 1024 by 1024 × 1024 matrix product into a preallocated output through {@link
 * MatMulKernel}, in float64 or in float32 (native {@code sgemm} or the Java kernel), the float64
 * product then timed in the same JVM for comparison.
 */
final class GemmWorkload {
  private static final int N = 1024;
  private static final double FLOPS = 2.0 * N * N * N;

  private GemmWorkload() {}

  /**
   * Returns the row of W4 in {@code dtype}: GFLOPS = 2·n³ / the median time of one product; in
   * float32 with, as details, the float64 product's GFLOPS measured right after it in this JVM and
   * the float32 speed-up over it.
   */
  static BenchRow measure(int threads, int reps, DType dtype) {
    double gflops = gflops(reps, dtype);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("dtype", dtype.toString());
    if (dtype == DType.FLOAT32) {
      double float64 = gflops(reps, DType.FLOAT64);
      details.put("float64_gflops", float64);
      details.put("speedup_over_float64", gflops / float64);
    }
    return new BenchRow("w4", threads, gflops, "GFLOPS", details);
  }

  /** Returns the GFLOPS of the product in {@code dtype}, operands uniform in [−1, 1). */
  private static double gflops(int reps, DType dtype) {
    Random r = new Random(2);
    Tensor a = Tensor.zeros(N, N);
    Tensor b = Tensor.zeros(N, N);
    for (int i = 0; i < N * N; i++) {
      a.buffer()[i] = 2 * r.nextDouble() - 1;
      b.buffer()[i] = 2 * r.nextDouble() - 1;
    }
    Tensor x = a.to(dtype);
    Tensor y = b.to(dtype);
    Tensor c = Tensor.zeros(Shape.of(N, N), dtype);
    double seconds = Timing.medianSeconds(2, reps * 3,
        () -> MatMulKernel.into(x, false, y, false, c));
    return FLOPS / seconds / 1e9;
  }
}
