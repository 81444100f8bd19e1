package dev.chainrule.examples.bench;

import dev.chainrule.core.exec.ExecOptions;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Gemm;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs chainrule's workloads in this JVM at one thread count: GEMMs and long elementwise loops
 * use that many threads (a native BLAS follows {@code OPENBLAS_NUM_THREADS}, which the parent
 * sets for this process). Every workload uses the path a user would: a compiled training step, a
 * compiled plan, or the GEMM kernel.
 */
final class ChainruleRunner {
  private ChainruleRunner() {}

  /**
   * Runs {@code workloads} in {@code dtype} (W2, W3 and W4 have a float32 version; the heap rows
   * measure both dtypes) and returns their rows; with {@code profile}, the MLP rows also say where
   * their time goes.
   */
  static List<BenchRow> run(List<String> workloads, int threads, int reps, boolean profile,
      DType dtype) {
    Gemm.setThreads(threads);
    ExecOptions options = ExecOptions.defaults().withThreads(threads);
    List<BenchRow> rows = new ArrayList<>();
    for (String w : workloads) {
      switch (w) {
        case "w1":
          rows.add(SeedStepWorkload.build(options).measure(threads, reps));
          break;
        case "w2":
          rows.add(MlpWorkload.build(64, options, dtype)
              .measure("w2", threads, 500, reps, profile));
          rows.add(TrainerWorkload.measure("w2-trainer", 64, threads, 500, reps, dtype));
          break;
        case "w3":
          rows.add(MlpWorkload.build(1024, options, dtype)
              .measure("w3", threads, 100, reps, profile));
          rows.add(TrainerWorkload.measure("w3-trainer", 1024, threads, 100, reps, dtype));
          break;
        case "w4":
          rows.add(GemmWorkload.measure(threads, reps, dtype));
          break;
        case "w5":
          rows.addAll(HornerWorkload.measure(threads, reps));
          break;
        case "w6":
          rows.add(CnnWorkload.measure(threads, 30, reps, profile));
          break;
        case "w7":
          rows.addAll(ForwardModeWorkload.measure(threads, reps));
          break;
        case "heap":
          rows.addAll(HeapWorkload.measure(threads, options));
          break;
        default:
          rows.addAll(ChainScaling.measure(threads, reps));
      }
    }
    return rows;
  }
}
