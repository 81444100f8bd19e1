package dev.chainrule.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two workloads timed in turn, each in a JVM of its own: the parent and {@link ServedWorker}
 * speak the same protocol, pairs come out in order, and a worker that fails is reported, not
 * waited on for ever. The child JVMs run {@link #main}, whose "workload" sleeps a fixed time per
 * step, four times longer in one than in the other, so that which is faster is known in advance.
 */
class AlternationTest {
  /** A served worker whose run is {@code args[1]} steps of {@code args[2]} ms, named args[0]. */
  public static void main(String[] args) throws IOException {
    String name = args[0];
    int steps = Integer.parseInt(args[1]);
    long millis = Long.parseLong(args[2]);
    Repetition sleeper = new Repetition() {
      @Override
      public void run() {
        try {
          Thread.sleep(steps * millis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }

      @Override
      public int steps() {
        return steps;
      }

      @Override
      public BenchRow row(double medianSeconds) {
        return new BenchRow(name, 1, steps / medianSeconds, "steps/s", Map.of());
      }
    };
    BenchRow row = ServedWorker.serve(sleeper, 0, new BufferedReader(new InputStreamReader(
        System.in, StandardCharsets.UTF_8)), System.out);
    System.out.println("{\"results\": [{\"workload\": \"" + row.workload() + "\", \"threads\": 1, "
        + "\"value\": " + row.value() + ", \"unit\": \"steps/s\"}], \"gemm\": \"none\"}");
  }

  /**
   * "fast" sleeps 10 steps of 10 ms a run, "slow" 10 steps of 40 ms: each row is its own worker's,
   * one share per pair, and every share is the slow worker's figure over the fast one's (about
   * 0.25; asserted only to lie below 1, so that a loaded machine's late wake-ups cannot fail it).
   */
  @Test
  void eachPairIsTheSecondWorkersFigureOverTheFirsts() throws IOException {
    Alternation.Outcome o = Alternation.run(child("fast", 10, 10), child("slow", 10, 40), 3);
    assertEquals("fast", o.first().workload());
    assertEquals("slow", o.second().workload());
    assertTrue(o.first().value() > o.second().value(), o.first() + " vs " + o.second());
    assertEquals(3, o.ratios().size());
    for (double r : o.ratios()) {
      assertTrue(r > 0 && r < 1, "share " + r);
    }
    assertEquals("none", o.gemm());
  }

  @Test
  void aWorkerThatDiesBeforeItIsReadyIsReported() {
    ProcessBuilder broken = child("fast", -1, 20);
    broken.command().set(broken.command().size() - 2, "not-a-number");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Alternation.run(child("fast", 1, 1), broken, 1));
    assertTrue(e.getMessage().contains("said 'null' instead of 'ready'"), e.getMessage());
    assertTrue(e.getMessage().contains("exit status 1"), e.getMessage());
  }

  /** The worker side answers each run with its steps per second and ends on "end". */
  @Test
  void aServedWorkerAnswersEachRunAndMakesTheRowOfTheMedian() throws IOException {
    int[] runs = new int[1];
    Repetition counted = new Repetition() {
      @Override
      public void run() {
        runs[0]++;
      }

      @Override
      public int steps() {
        return 4;
      }

      @Override
      public BenchRow row(double medianSeconds) {
        return new BenchRow("counted", 1, runs[0], "runs", Map.of());
      }
    };
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BenchRow row = ServedWorker.serve(counted, 0, new BufferedReader(new StringReader(
        "run\nrun\nend\n")), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals("ready", lines.get(0));
    assertEquals(3, lines.size());
    assertTrue(Double.parseDouble(lines.get(1)) > 0, lines.get(1));
    assertEquals(3.0, row.value(), 0.0, "one warm-up run and two timed ones");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ServedWorker.serve(counted, 0, new BufferedReader(new StringReader("go\n")),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("asked 'go'"), e.getMessage());
  }

  private static ProcessBuilder child(String name, int steps, long millis) {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        AlternationTest.class.getName(), name, String.valueOf(steps), String.valueOf(millis));
  }
}
