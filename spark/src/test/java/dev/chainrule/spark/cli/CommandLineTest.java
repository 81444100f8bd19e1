package dev.chainrule.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The command line's conventions, checked before any Spark starts: bad input exits with 2 and one
 * {@code error:} line with the usage, a run that cannot start exits with 1 and one line saying
 * why.
 */
class CommandLineTest {
  /** Runs the command line; returns the status and what it wrote on standard error. */
  static List<String> run(String... args) {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      int status = Main.run(args);
      return List.of(String.valueOf(status), captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(err);
    }
  }

  @Test
  void anUnknownModeIsBadInput() {
    List<String> r = run("fashion-mnist", "--mode", "fast");
    assertEquals("2", r.get(0));
    assertTrue(r.get(1).startsWith("error: --mode must be sync or average, got fast (usage: "
        + "chainrule-spark fashion-mnist "), r.get(1));
    assertEquals(1, r.get(1).lines().count(), r.get(1));
  }

  @Test
  void countsBelowOneAreBadInput() {
    List<String> r = run("fashion-mnist", "--local-steps", "0");
    assertEquals("2", r.get(0));
    assertTrue(r.get(1).startsWith("error: --local-steps must be at least 1, got 0"), r.get(1));
    assertEquals("2", run("overhead", "--rounds", "1").get(0));
  }

  @Test
  void missingDataSaysWhereItWasLookedForAndHowToGetIt() {
    List<String> r = run("fashion-mnist", "--data", "/nonexistent/fashion");
    assertEquals("1", r.get(0));
    assertTrue(r.get(1).startsWith("error: Fashion-MNIST training images not found: directory "
        + "/nonexistent/fashion does not exist"), r.get(1));
    assertTrue(r.get(1).contains("apt-get install dataset-fashion-mnist"), r.get(1));
    assertEquals(1, r.get(1).lines().count(), r.get(1));
  }
}
