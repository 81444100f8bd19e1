package dev.chainrule.examples.bench;

import dev.chainrule.core.tensor.MatMulKernel;
import dev.chainrule.core.tensor.Tensor;
import java.util.Map;
import java.util.Random;

/** W4: a 1024 × 1024 by 1024 × 1024 matrix product into a preallocated output. */
final class GemmWorkload {
  private static final int N = 1024;

  private GemmWorkload() {}

  /** Returns the row of W4: GFLOPS = 2·n³ / the median time of one product. */
  static BenchRow measure(int threads, int reps) {
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
    return new BenchRow("w4", threads, 2.0 * N * N * N / seconds / 1e9, "GFLOPS", Map.of());
  }
}
