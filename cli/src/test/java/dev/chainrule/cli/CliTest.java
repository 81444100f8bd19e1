package dev.chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.DType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The conventions every command line of chainrule follows, through a small command built from the
 * shared options: bad input exits with status 2 and one {@code error:} line ending in the usage, a
 * failure while running exits with status 1 and one line, never a stack trace; the options keep
 * the command's defaults and check their values.
 */
class CliTest {
  /** A training command as the examples declare theirs, recording what it was given. */
  @Command(name = "train")
  static final class Train implements Callable<Integer> {
    @Mixin TrainingOptions training = new TrainingOptions(10, 128, 1);
    @Mixin DTypeOption dtype = new DTypeOption();
    @Mixin FashionDataOptions data = new FashionDataOptions(Path.of("/data"), 5000);
    RuntimeException failure;
    DType ranWith;

    @Override
    public Integer call() {
      ranWith = dtype.dtype();
      training.epochs();
      training.batchSize();
      data.validation();
      if (failure != null) {
        throw failure;
      }
      return 0;
    }
  }

  /** The exit status and what the command wrote to standard error. */
  private record Outcome(int status, String err) {}

  private static Outcome run(Train command, String... args) {
    PrintStream saved = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      return new Outcome(Cli.run(command, args), bytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(saved);
    }
  }

  private static void badInput(String expected, String... args) {
    Outcome o = run(new Train(), args);
    assertEquals(Cli.BAD_INPUT, o.status(), o.err());
    assertTrue(o.err().startsWith("error: " + expected), o.err());
    assertTrue(o.err().strip().endsWith(")") && o.err().contains("(usage: train "), o.err());
    assertEquals(1, o.err().strip().lines().count(), o.err());
  }

  @Test
  void optionsKeepTheCommandsDefaultsAndTakeTheGivenValues() {
    Train defaults = new Train();
    assertEquals(0, run(defaults).status());
    assertEquals(DType.FLOAT64, defaults.ranWith);
    assertEquals(10, defaults.training.epochs());
    assertEquals(128, defaults.training.batchSize());
    assertEquals(1, defaults.training.seed());
    assertEquals(Path.of("/data"), defaults.data.data());
    assertEquals(Integer.MAX_VALUE, defaults.data.limit());
    assertEquals("", defaults.data.limitNote());
    Train given = new Train();
    assertEquals(0, run(given, "--dtype", "float32", "--epochs", "3", "--batch-size", "32",
        "--seed", "7", "--limit", "600", "--validation", "100", "--data", "/tmp/f").status());
    assertEquals(DType.FLOAT32, given.ranWith);
    assertEquals(3, given.training.epochs());
    assertEquals(32, given.training.batchSize());
    assertEquals(7, given.training.seed());
    assertEquals(100, given.data.validation());
    assertEquals(Path.of("/tmp/f"), given.data.data());
    assertEquals(" (--limit: the first 600 images of each file)", given.data.limitNote());
  }

  @Test
  void badValuesExitWithStatusTwoAndOneLineNamingTheOption() {
    badInput("--epochs must be at least 1, got 0", "--epochs", "0");
    badInput("--batch-size must be at least 1, got -4", "--batch-size", "-4");
    badInput("--dtype must be float64 or float32, got 'float16'", "--dtype", "float16");
    badInput("--limit must be at least 1, got 0", "--limit", "0");
    badInput("--validation 50 leaves no training images out of --limit 50", "--limit", "50",
        "--validation", "50");
    badInput("Invalid value for option '--epochs': 'ten' is not an int", "--epochs", "ten");
    badInput("Unknown options: '--epoch', '3'; did you mean --epochs?", "--epoch", "3");
    badInput("Unknown option: '--sed=3'; did you mean --seed?", "--sed=3");
  }

  @Test
  void aFailureWhileRunningExitsWithStatusOneAndOneLine() {
    Train failing = new Train();
    failing.failure = new IllegalStateException("training diverged:\n  lower the learning rate");
    Outcome o = run(failing);
    assertEquals(Cli.FAILED, o.status());
    assertEquals("error: training diverged:; lower the learning rate", o.err().strip());
    assertFalse(o.err().contains("at dev.chainrule"), "no stack trace: " + o.err());
    Train silent = new Train();
    silent.failure = new IllegalStateException();
    assertEquals("error: IllegalStateException", run(silent).err().strip());
  }

  @Test
  void aPositiveNumberIsFiniteAndAboveZero() {
    Flags.positive("--lr", 1e-3);
    for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      UsageException e = assertThrows(UsageException.class, () -> Flags.positive("--lr", bad));
      assertEquals("--lr must be a finite number > 0, got " + bad, e.getMessage());
    }
  }
}
