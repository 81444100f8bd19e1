package dev.chainrule.examples.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.chainrule.examples.cli.Cli;
import dev.chainrule.examples.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code sequence} command: a GRU (and an LSTM) learns binary addition to the stated accuracy
 * on additions it never saw, its JSON and plot, and bad options exit 2 with one line.
 */
class SequenceCommandTest {
  @Test
  void aGruLearnsToAddEightBitNumbersAndPlotsItsLossCurve(@TempDir Path dir) {
    Path png = dir.resolve("curve.png");
    CliRun o = CliRun.of("sequence", "--json", "--plot", png.toString());
    assertEquals(0, o.status(), o.err());
    JsonObject j = JsonParser.parseString(o.out()).getAsJsonObject();
    assertTrue(j.get("sumAccuracy").getAsDouble() >= 0.99, j.toString());
    assertEquals(1000, j.get("testSamples").getAsInt());
    assertEquals(15, j.getAsJsonArray("history").size());
    double first = j.getAsJsonArray("history").get(0).getAsJsonObject().get("trainLoss")
        .getAsDouble();
    double last = j.getAsJsonArray("history").get(14).getAsJsonObject().get("trainLoss")
        .getAsDouble();
    assertTrue(last < first / 100, j.toString());
    assertTrue(Files.isRegularFile(png), "the loss curve");
  }

  @Test
  void anLstmLearnsItToo() {
    CliRun o = CliRun.of("sequence", "--json", "--cell", "lstm", "--bits", "6", "--seed", "2");
    assertEquals(0, o.status(), o.err());
    JsonObject j = JsonParser.parseString(o.out()).getAsJsonObject();
    assertTrue(j.get("sumAccuracy").getAsDouble() >= 0.99, j.toString());
  }

  @Test
  void badOptionsExitTwoWithOneLine() {
    CliRun o = CliRun.of("sequence", "--cell", "transformer");
    assertEquals(Cli.BAD_INPUT, o.status());
    assertTrue(o.err().startsWith("error: --cell must be lstm or gru, got transformer"), o.err());
    assertEquals(1, o.err().strip().lines().count(), o.err());
    CliRun bits = CliRun.of("sequence", "--bits", "31");
    assertEquals(Cli.BAD_INPUT, bits.status());
    assertTrue(bits.err().startsWith("error: --bits must be at most 30"), bits.err());
  }
}
