package dev.chainrule.examples.bench.jmh;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.exec.train.TrainingStep;
import dev.chainrule.examples.bench.MlpWorkload;
import dev.chainrule.examples.bench.SeedStepWorkload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Times one run of a compiled plan on the bench's small workloads, with every optimisation off
 * (each operation's forward into its own buffer: the reference), with prepared kernels and buffer
 * reuse but no fusion, and with everything on: seed 001's training step (W1), the Horner chain of
 * 1000 scalar ops forward and backward (W5), and the 784-256-10 MLP's training step at batch 64
 * (W2). Single-threaded.
 */
public class PlanBenchmark extends JmhDefaults {
  /** The workload: {@code seed001}, {@code horner1000} or {@code mlp64}. */
  @Param({"seed001", "horner1000", "mlp64"})
  public String workload;

  /** The compiler options: {@code unoptimised}, {@code prepared} or {@code fused}. */
  @Param({"unoptimised", "prepared", "fused"})
  public String options;

  private Plan plan;
  private TrainingStep step;
  private Feeds feeds;
  private double rate;

  /** Builds and compiles the workload. */
  @Setup
  public void setUp() {
    switch (workload) {
      case "seed001":
        step = SeedStepWorkload.build(BenchGraphs.options(options)).step();
        feeds = Feeds.none();
        rate = 1e-9;
        break;
      case "horner1000":
        plan = BenchGraphs.horner(1000, BenchGraphs.options(options));
        feeds = Feeds.none();
        break;
      default:
        MlpWorkload mlp = MlpWorkload.build(64, BenchGraphs.options(options));
        step = mlp.step();
        feeds = mlp.batch(0);
        rate = 1e-9;
    }
  }

  /** One training step, or one pass of the Horner plan. */
  @Benchmark
  public Results run() {
    return step != null ? step.run(feeds, rate) : plan.run(feeds);
  }
}
