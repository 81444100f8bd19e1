package dev.chainrule.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import dev.chainrule.core.exec.ExecOptions;
import dev.chainrule.core.tensor.DType;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The float32 training workloads: W2's network computes the float64 loss within float32's
 * rounding, and the heap rows measure both dtypes. No timing is asserted.
 */
class Float32WorkloadTest {
  /**
   * W2's network trained in float32 and in float64 reaches the same loss, and learns: the float32
   * one starts from the float64 weights and batches rounded to float (relative error 2⁻²⁴ each),
   * and its sums of up to 784 products carry a rounding error of at most about 784 · 2⁻²⁴ ≈ 5e-5
   * relative, typically √784 · 2⁻²⁴ ≈ 2e-6. The first step's loss is computed before any update.
   * After 400 steps of SGD at η = 0.1 on eight batches the loss is small (about 0.02), a mean of
   * log-probabilities z − logsumexp(z) near 0 whose float32 rounding is relative to |z| (about
   * 10), not to the loss; so the later losses are compared to 1e-4 of the first (2.3e-4): measured
   * when this was written, 3e-8 after the first step and 1.8e-5 after 400.
   */
  @Test
  void float32MlpTrainsToTheFloat64Loss() {
    MlpWorkload float64 = MlpWorkload.build(16, ExecOptions.defaults(), DType.FLOAT64);
    MlpWorkload float32 = MlpWorkload.build(16, ExecOptions.defaults(), DType.FLOAT32);
    double first64 = float64.train(1);
    assertEquals(first64, float32.train(1), 1e-5 * first64);
    double later64 = float64.train(399);
    assertEquals(later64, float32.train(399), 1e-4 * first64);
    assertTrue(later64 < first64 - 0.5, "the network learns: " + later64 + " after " + first64);
  }

  /**
   * The Trainer rows' model (nn's Sequential) trained in float32 follows its float64 run: the
   * first epoch's mean loss, and the fifth's after 40 steps, agree to 1e-4 of the first (the
   * reasoning of {@link #float32MlpTrainsToTheFloat64Loss}), and the model learns.
   */
  @Test
  void float32TrainerFollowsTheFloat64Run() {
    TrainerWorkload float64 = new TrainerWorkload(16, DType.FLOAT64);
    TrainerWorkload float32 = new TrainerWorkload(16, DType.FLOAT32);
    double first64 = float64.train(1);
    assertEquals(first64, float32.train(1), 1e-4 * first64);
    double later64 = float64.train(4);
    assertEquals(later64, float32.train(4), 1e-4 * first64);
    assertTrue(later64 < first64, "the model learns: " + later64 + " after " + first64);
  }

  /**
   * The heap rows come in both dtypes, the float32 ones beside float64's figure. They are measured
   * in a bench worker JVM of its own, as the bench measures them: in this test JVM, the pool
   * threads earlier tests started die when idle between two readings and free their buffers,
   * which once made the networks look 3 MB smaller (6.3 bytes a float64 parameter).
   */
  @Test
  void theHeapWorkloadMeasuresBothDtypes() throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder worker = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        BenchWorker.class.getName(), "--worker", "--json", "--threads", "1", "--reps", "1",
        "--workloads", "heap");
    List<BenchRow> rows = Processes.rows(new Gson().fromJson(Processes.run(worker,
        "the heap worker"), Map.class));
    assertEquals(List.of("heap-model float64", "heap-step float64", "heap-model float32",
        "heap-step float32"), rows.stream().map(r -> r.workload() + " " + r.dtype()).toList());
    BenchRow model64 = rows.get(0);
    BenchRow model32 = rows.get(2);
    assertTrue(model64.value() >= 8, "a float64 parameter takes at least its 8 bytes: " + model64);
    assertTrue(model32.value() >= 4, "a float32 parameter takes at least its 4 bytes: " + model32);
    assertEquals(model64.value(), model32.details().get("float64_bytes_per_parameter"));
  }

}
