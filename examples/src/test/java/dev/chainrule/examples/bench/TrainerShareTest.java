package dev.chainrule.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.cli.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Trainer rows: measured in a worker of their own, and given the median over rounds of their
 * figure over the same round's compiled step, not the ratio of two medians.
 */
class TrainerShareTest {
  @Test
  void theMlpWorkloadsRunTheirTrainerRowInASecondWorker() {
    assertEquals(List.of("w3", "w3-trainer"), Workloads.processes("w3"));
    assertEquals(List.of("w2", "w2-trainer"), Workloads.processes("w2"));
    assertEquals(List.of("w4"), Workloads.processes("w4"));
    assertEquals(List.of("w3-trainer", "w1"), Workloads.parseWorker("w3-trainer,w1"));
    UsageException e = assertThrows(UsageException.class,
        () -> Workloads.parseWorker("w3-trainers"));
    assertTrue(e.getMessage().contains("'w3-trainers'"), e.getMessage());
  }

  /**
   * Three rounds of pairs: shares 0.95, 0.90, 0.99 | 0.97, 0.94, 0.96 | 0.93, 0.98, 0.955. Their
   * median, 0.955, is met; the row keeps its own median figure (the median round's, 76), and the
   * compiled step's row gets nothing.
   */
  @Test
  void theTrainerRowGetsTheMedianShareOverEveryRoundsPairs() {
    List<BenchRow> rounds = List.of(row("w3", 80), trainer(76, 0.95, 0.90, 0.99), row("w3", 100),
        trainer(90, 0.97, 0.94, 0.96), row("w3", 70), trainer(69, 0.93, 0.98, 0.955));
    List<BenchRow> out = TrainerShare.added(Rounds.median(rounds), rounds);
    BenchRow t = out.get(1);
    assertEquals(76.0, t.value(), 0.0);
    assertEquals(List.of(0.95, 0.90, 0.99, 0.97, 0.94, 0.96, 0.93, 0.98, 0.955),
        t.details().get(TrainerShare.PAIRS));
    assertEquals(0.955, (Double) t.details().get("of_compiled_step"), 0.0);
    assertEquals(true, t.details().get("of_compiled_step_met"));
    assertNull(out.get(0).details().get("of_compiled_step"));
  }

  @Test
  void theTablePrintsTheShareWithItsRangeAndVerdict() {
    List<BenchRow> rounds = List.of(row("w2", 1000), trainer("w2-trainer", 900, 0.90, 0.93),
        row("w2", 1000), trainer("w2-trainer", 930, 0.94));
    List<BenchRow> out = TrainerShare.added(Rounds.median(rounds), rounds);
    assertFalse((Boolean) out.get(1).details().get("of_compiled_step_met"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BenchReport.print(out, List.of(), Map.of(),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("w2-trainer, 2 threads: 0.930 of w2's compiled step (median of 3 "
        + "pairs timed in turn, 0.900 to 0.940; target 0.95, not met)"), text);
  }

  private static BenchRow trainer(double value, Double... pairs) {
    return trainer("w3-trainer", value, pairs);
  }

  private static BenchRow trainer(String name, double value, Double... pairs) {
    return new BenchRow(name, 2, value, "steps/s", Map.of(TrainerShare.PAIRS, List.of(pairs)));
  }

  private static BenchRow row(String workload, double value) {
    return new BenchRow(workload, 2, value, "steps/s", Map.of());
  }
}
