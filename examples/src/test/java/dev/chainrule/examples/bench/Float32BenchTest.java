package dev.chainrule.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.Gson;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.examples.bench.ReferenceRunner.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code bench --dtype}: each dtype's workloads, rows that say their dtype, ratios only between
 * rows of one dtype, the table's dtype column, and the reference scripts taking the dtype (the
 * option's errors are in {@link BenchCommandTest}). No timing is asserted.
 */
class Float32BenchTest {
  @Test
  void eachDtypeRunsItsOwnWorkloadsByDefault() {
    assertEquals(List.of("w2", "w3", "w4", "heap"), Workloads.parse(null, DType.FLOAT32));
    assertEquals(List.of("w1", "w2", "w3", "w4", "w5", "w6", "w7", "scaling"),
        Workloads.parse(null, DType.FLOAT64));
    assertFalse(Workloads.ALL.contains("w4f32"), "W4 in float32 is --dtype float32's w4");
  }

  /** A row without a dtype detail is float64; the JSON row always names its dtype. */
  @Test
  void rowsSayTheirDtypeInJson() {
    BenchRow float64 = new BenchRow("w4", 1, 30, "GFLOPS", Map.of());
    BenchRow float32 = new BenchRow("w4", 1, 60, "GFLOPS", Map.of("dtype", "float32"));
    Map<String, Object> json = BenchReport.json(List.of(float64, float32), List.of(), Map.of());
    String text = new Gson().toJson(json);
    List<?> results = (List<?>) new Gson().fromJson(text, Map.class).get("results");
    assertEquals("float64", ((Map<?, ?>) results.get(0)).get("dtype"));
    assertEquals("float32", ((Map<?, ?>) results.get(1)).get("dtype"));
    assertEquals("float32", Processes.rows(Map.of("results", results)).get(1).dtype());
  }

  /** chainrule's float32 W4 is compared with the references' float32 W4, never their float64. */
  @Test
  void ratiosPairRowsOfTheSameDtypeOnly() {
    BenchRow ours = new BenchRow("w4", 2, 60, "GFLOPS", Map.of("dtype", "float32"));
    Outcome numpy = new Outcome("numpy", "1", List.of(
        new BenchRow("w4", 2, 30, "GFLOPS", Map.of("dtype", "float64")),
        new BenchRow("w4", 2, 75, "GFLOPS", Map.of("dtype", "float32"))), null);
    List<Ratios.Ratio> r = Ratios.of(List.of(ours), List.of(numpy));
    assertEquals(1, r.size());
    assertEquals(0.8, r.get(0).speedup(), 1e-12);
  }

  /**
   * The table names each row's dtype, compares a float32 row with the references' float32 figure,
   * and prints float32's bytes per parameter against float64's.
   */
  @Test
  void theTableNamesTheDtypeAndPrintsTheHeapRatio() {
    BenchRow trainer = new BenchRow("w2-trainer", 1, 150, "steps/s", Map.of("dtype", "float32"));
    BenchRow heap = new BenchRow("heap-model", 1, 4.1, "B/param", Map.of("dtype", "float32",
        "float64_bytes_per_parameter", 8.2));
    Outcome torch = new Outcome("torch", "1", List.of(new BenchRow("w2", 1, 100, "steps/s",
        Map.of("dtype", "float32")), new BenchRow("w2", 1, 50, "steps/s", Map.of())), null);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BenchReport.print(List.of(trainer, heap), List.of(torch), Map.of(),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String text = bytes.toString(StandardCharsets.UTF_8);
    String row = text.lines().filter(l -> l.startsWith("w2-trainer ")).findFirst().orElseThrow();
    assertTrue(row.matches("w2-trainer +float32 +1 +150 steps/s +- +100 steps/s +- +1.50×"), row);
    assertTrue(text.contains("heap-model, 1 thread: 4.10 bytes per parameter in float32, 8.20 in "
        + "float64 (0.50×)"), text);
  }

  /**
   * The reference scripts take the dtype: NumPy's W4 asked in float32 returns a float32 row
   * (skipped when /usr/bin/python3 has no NumPy).
   */
  @Test
  void numpysReferenceRunsW4InFloat32() {
    ReferenceRunner runner = new ReferenceRunner("/usr/bin/python3");
    assumeTrue(runner.available("numpy"), "no NumPy in /usr/bin/python3");
    Outcome o = runner.run("numpy", List.of("w4"), 1, 1, DType.FLOAT32);
    assertNull(o.skipped(), o.skipped());
    assertEquals(1, o.rows().size());
    assertEquals("float32", o.rows().get(0).dtype());
    assertEquals("GFLOPS", o.rows().get(0).unit());
  }
}
