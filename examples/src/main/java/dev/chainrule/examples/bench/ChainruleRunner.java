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
   * measure both dtypes) and returns their rows: {@code w2} and {@code w3} the compiled training
   * step, {@code w2-trainer} and {@code w3-trainer} the same network through nn's Trainer; with
   * {@code profile}, the MLP rows also say where their time goes.
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
        case "w2", "w2-trainer", "w3", "w3-trainer":
          rows.add(repetition(w, threads, profile, dtype).measure(reps));
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

  /**
   * Returns W2's or W3's compiled step ({@code w2}, {@code w3}) or the same network through nn's
   * Trainer ({@code w2-trainer}, {@code w3-trainer}) in {@code dtype}, set up to run on {@code
   * threads} threads, as the bench times it: a run is 500 steps of W2 at batch 64 or 100 steps of
   * W3 at batch 1024.
   *
   * @throws IllegalArgumentException for any other name
   */
  static Repetition repetition(String mlp, int threads, boolean profile, DType dtype) {
    Gemm.setThreads(threads);
    ExecOptions options = ExecOptions.defaults().withThreads(threads);
    return switch (mlp) {
      case "w2" -> MlpWorkload.build(64, options, dtype).repetition(mlp, threads, 500, profile);
      case "w3" -> MlpWorkload.build(1024, options, dtype).repetition(mlp, threads, 100, profile);
      case "w2-trainer" -> TrainerWorkload.repetition(mlp, 64, threads, 500, dtype);
      case "w3-trainer" -> TrainerWorkload.repetition(mlp, 1024, threads, 100, dtype);
      default -> throw new IllegalArgumentException("no timed repetition for workload " + mlp
          + "; W2 and W3 and their -trainer rows have one");
    };
  }
}
