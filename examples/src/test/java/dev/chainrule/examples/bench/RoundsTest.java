package dev.chainrule.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.examples.bench.ReferenceRunner.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The median round: per workload and thread count, the middle value, with every round listed. */
class RoundsTest {
  @Test
  void theMedianRoundIsReportedWithAllRoundsInItsDetails() {
    List<BenchRow> rows = List.of(
        new BenchRow("w2", 1, 900, "steps/s", Map.of("final_loss", 1.0)),
        new BenchRow("w3", 1, 50, "steps/s", Map.of()),
        new BenchRow("w2", 1, 1200, "steps/s", Map.of("final_loss", 2.0)),
        new BenchRow("w3", 1, 70, "steps/s", Map.of()),
        new BenchRow("w2", 1, 1000, "steps/s", Map.of("final_loss", 3.0)),
        new BenchRow("w2", 2, 5, "steps/s", Map.of()));
    List<BenchRow> m = Rounds.median(rows);
    assertEquals(3, m.size());
    assertEquals("w2", m.get(0).workload());
    assertEquals(1000, m.get(0).value());
    assertEquals(3.0, m.get(0).details().get("final_loss"));
    assertEquals(List.of(900.0, 1200.0, 1000.0), m.get(0).details().get("rounds"));
    assertEquals(50, m.get(1).value(), "the lower middle of an even count");
    assertEquals(5, m.get(2).value());
    assertEquals(Map.of(), m.get(2).details(), "one round lists no rounds");
  }

  /**
   * A row with ratios (W7) keeps the median time's round, but each ratio is the median of the
   * rounds' and the verdict is that median's against the target.
   */
  @Test
  void ratiosAreTheMediansOfTheRoundsRatiosAndTheVerdictFollows() {
    List<BenchRow> rows = List.of(
        new BenchRow("w7-mlp64-jvp", 1, 900, "us/run", Map.of("ratio", 3.5, "cpu_ratio", 2.0,
            "target", 3.0, "met", false)),
        new BenchRow("w7-mlp64-jvp", 1, 700, "us/run", Map.of("ratio", 1.9, "cpu_ratio", 2.2,
            "target", 3.0, "met", true)),
        new BenchRow("w7-mlp64-jvp", 1, 1000, "us/run", Map.of("ratio", 2.1, "cpu_ratio", 1.8,
            "target", 3.0, "met", true)));
    BenchRow m = Rounds.median(rows).get(0);
    assertEquals(900, m.value());
    assertEquals(2.1, m.details().get("ratio"));
    assertEquals(2.0, m.details().get("cpu_ratio"));
    assertEquals(true, m.details().get("met"), "the median 2.1 is within 3, round 900's 3.5 not");
    assertEquals(List.of(3.5, 1.9, 2.1), m.details().get("ratio_rounds"));
    assertEquals(List.of(900.0, 700.0, 1000.0), m.details().get("rounds"));
  }

  @Test
  void anOutcomeKeepsItsFrameworkAndVersion() {
    Outcome a = new Outcome("torch", "1.13", List.of(new BenchRow("w1", 1, 90, "us/step",
        Map.of())), null, "openmp");
    Outcome b = new Outcome("torch", "1.13", List.of(new BenchRow("w1", 1, 80, "us/step",
        Map.of())), null, "openmp");
    Outcome c = new Outcome("torch", "1.13", List.of(new BenchRow("w1", 1, 120, "us/step",
        Map.of())), null, "openmp");
    Outcome m = Rounds.medianOutcome(List.of(a, b, c));
    assertEquals("torch", m.framework());
    assertEquals("openmp", m.blas());
    assertEquals(90, m.rows().get(0).value());
  }
}
