package dev.chainrule.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.exec.ExecOptions;
import dev.chainrule.examples.bench.ReferenceRunner.Outcome;
import dev.chainrule.cli.Cli;
import dev.chainrule.examples.cli.CliRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bench: its workloads compute what they claim (seed 001's error after 10⁴ steps, the MLP
 * learning), ratios point the right way for times and for rates, and bad options exit with
 * status 2 naming the bad value. No timing is asserted.
 */
class BenchCommandTest {
  /** Seed 001 trained 10⁴ steps: E = 3.51018778298e-05 (seeds-analysis §1.3, Decimal run). */
  @Test
  void seedStepWorkloadReachesTheSeedsErrorAfterTenThousandSteps() {
    SeedStepWorkload w = SeedStepWorkload.build(ExecOptions.defaults());
    w.train(SeedStepWorkload.STEPS);
    double e = w.finalLoss();
    assertEquals(3.51018778298e-05, e, 1e-15);
  }

  /** The MLP's loss starts near ln 10 (uniform guesses over 10 classes) and falls as it trains. */
  @Test
  void mlpWorkloadLearnsItsBatches() {
    MlpWorkload w = MlpWorkload.build(16, ExecOptions.defaults());
    double first = w.train(1);
    assertEquals(Math.log(10), first, 0.3);
    double later = w.train(400);
    assertTrue(later < first - 0.5, "loss after 400 steps " + later + " vs first " + first);
  }

  /**
   * With --profile an MLP row carries one entry per step of the compiled plan after the feeds,
   * whose shares add up to one, and the table prints them under the workload's name.
   */
  @Test
  void profiledMlpRowListsEveryStepOfThePlan() {
    MlpWorkload w = MlpWorkload.build(16, ExecOptions.defaults());
    BenchRow row = w.repetition("w2", 1, 3, true).measure(1);
    List<?> profile = (List<?>) row.details().get("profile");
    String[] explained = w.step().explain().split("\n");
    assertEquals(explained.length, profile.size());
    double share = 0;
    for (Object o : profile) {
      share += (Double) ((Map<?, ?>) o).get("share");
    }
    assertEquals(1.0, share, 1e-9);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BenchReport.print(List.of(row), List.of(), Map.of(),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("profile: w2, 1 thread (µs per training step, share)"), text);
    assertTrue(text.contains("bind and check feeds"), text);
    assertTrue(text.contains(explained[1].trim()), text);
  }

  /** A time per step is better when smaller, a rate when larger. */
  @Test
  void ratiosAreReferenceTimeOverChainruleTime() {
    List<BenchRow> ours = List.of(new BenchRow("w1", 1, 0.5, "us/step", Map.of()),
        new BenchRow("w2", 2, 300, "steps/s", Map.of()),
        new BenchRow("w5-fresh", 1, 2e5, "ops/s", Map.of()),
        new BenchRow("w2-trainer", 2, 100, "steps/s", Map.of()));
    Outcome torch = new Outcome("torch", "1", List.of(new BenchRow("w1", 1, 100, "us/step",
        Map.of()), new BenchRow("w2", 2, 200, "steps/s", Map.of()),
        new BenchRow("w5", 1, 1e5, "ops/s", Map.of())), null);
    List<Ratios.Ratio> r = Ratios.of(ours, List.of(torch));
    assertEquals(200.0, Ratios.find(r, "w1", 1, "torch"), 1e-12);
    assertEquals(1.5, Ratios.find(r, "w2", 2, "torch"), 1e-12);
    assertEquals(2.0, Ratios.find(r, "w5-fresh", 1, "torch"), 1e-12);
    assertEquals(0.5, Ratios.find(r, "w2-trainer", 2, "torch"), 1e-12);
    assertTrue(Double.isNaN(Ratios.find(r, "w2", 1, "torch")));
  }

  /**
   * The cost of building a node is printed with and without creation sites and their ratio, and
   * no reference figure of another unit stands beside it.
   */
  @Test
  void theBuildCostRowGivesBothFiguresAndTheirRatio() {
    BenchRow row = new BenchRow("w5-build", 2, 0.24, "us/node",
        Map.of("us_per_node_without_creation_sites", 0.06, "creation_sites_cost_ratio", 4.0));
    Outcome torch = new Outcome("torch", "1", List.of(new BenchRow("w5", 2, 2.5e5, "ops/s",
        Map.of())), null);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BenchReport.print(List.of(row), List.of(torch), Map.of(),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("w5-build, 2 threads: building a node takes 0.240 µs with creation "
        + "sites, 0.060 µs without (4.0×)"), text);
    String tableRow = text.lines().filter(l -> l.startsWith("w5-build ")).findFirst().orElseThrow();
    assertTrue(tableRow.contains("0.240 us/node"), tableRow);
    assertTrue(!tableRow.contains("ops/s"), tableRow);
  }

  @Test
  void badOptionsExitWithStatusTwoNamingTheValue() {
    assertBadInput("unknown workload 'w9'", "bench", "--workloads", "w1,w9");
    assertBadInput("thread count '0'", "bench", "--threads", "0");
    assertBadInput("--reps must be at least 1", "bench", "--reps", "0");
    assertBadInput("--rounds must be at least 1, got 0", "bench", "--rounds", "0");
    assertBadInput("--dtype must be float64 or float32, got 'float16'", "bench", "--dtype",
        "float16");
    assertBadInput("workload w1 in --workloads w1,w4 runs in float64 only; with --dtype float32 "
        + "choose from w2,w3,w4,heap", "bench", "--dtype", "float32", "--workloads", "w1,w4");
  }

  private static void assertBadInput(String message, String... args) {
    CliRun r = CliRun.of(args);
    String text = r.err();
    assertEquals(Cli.BAD_INPUT, r.status(), text);
    assertTrue(text.contains(message), text);
    assertEquals(1, text.strip().lines().count(), text);
  }
}
