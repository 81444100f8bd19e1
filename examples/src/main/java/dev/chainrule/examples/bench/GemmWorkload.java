package dev.chainrule.examples.bench;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Gemm;
import dev.chainrule.core.tensor.MatMulKernel;
import dev.chainrule.core.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * W4: a 1024 × 1024 by 1024 × 1024 matrix product into a preallocated output, in float64 through
 * {@link MatMulKernel}, or in float32 through {@link Gemm}'s float overload (native {@code sgemm}
 * or the Java kernel), the float64 product then timed in the same JVM for comparison.
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
    if (dtype == DType.FLOAT64) {
      return new BenchRow("w4", threads, float64Gflops(reps), "GFLOPS", Map.of());
    }
    double float32 = float32Gflops(reps);
    double float64 = float64Gflops(reps);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("dtype", "float32");
    details.put("float64_gflops", float64);
    details.put("speedup_over_float64", float32 / float64);
    return new BenchRow("w4", threads, float32, "GFLOPS", details);
  }

  private static double float32Gflops(int reps) {
    Random r = new Random(2);
    float[] a = new float[N * N];
    float[] b = new float[N * N];
    for (int i = 0; i < N * N; i++) {
      a[i] = 2 * r.nextFloat() - 1;
      b[i] = 2 * r.nextFloat() - 1;
    }
    float[] c = new float[N * N];
    double seconds = Timing.medianSeconds(2, reps * 3,
        () -> Gemm.gemm(false, false, N, N, N, 1f, a, 0, N, b, 0, N, 0f, c, 0, N));
    return FLOPS / seconds / 1e9;
  }

  private static double float64Gflops(int reps) {
    Random r = new Random(2);
    Tensor a = Tensor.zeros(N, N);
    Tensor b = Tensor.zeros(N, N);
    for (int i = 0; i < N * N; i++) {
      a.buffer()[i] = 2 * r.nextDouble() - 1;
      b.buffer()[i] = 2 * r.nextDouble() - 1;
    }
    Tensor c = Tensor.zeros(N, N);
    double seconds = Timing.medianSeconds(2, reps * 3,
        () -> MatMulKernel.into(a, false, b, false, c));
    return FLOPS / seconds / 1e9;
  }
}
