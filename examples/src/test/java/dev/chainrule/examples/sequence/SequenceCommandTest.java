package dev.chainrule.examples.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.chainrule.cli.Cli;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.examples.cli.CliRun;
import dev.chainrule.nn.io.ModelFile;
import dev.chainrule.nn.layers.Cell;
import dev.chainrule.nn.model.LayerStack;
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

  /**
   * In float32 the GRU learns the 6-bit additions as the float64 one does: both runs above 0.99
   * of the sums right (rounding to float moves the weights by about 10⁻⁷ relative a step, far
   * below what decides a digit), and the saved file loads into the float32 model of the example.
   */
  @Test
  void aGruLearnsToAddInFloat32(@TempDir Path dir) throws Exception {
    Path saved = dir.resolve("adder32.crm");
    CliRun o = CliRun.of("sequence", "--json", "--bits", "6", "--dtype", "float32", "--save",
        saved.toString());
    assertEquals(0, o.status(), o.err());
    JsonObject j = JsonParser.parseString(o.out()).getAsJsonObject();
    assertEquals("float32", j.get("dtype").getAsString());
    assertTrue(j.get("sumAccuracy").getAsDouble() >= 0.99, j.toString());
    LayerStack model = SequenceRun.model(Cell.GRU, 6, 16, 0, DType.FLOAT32);
    ModelFile.loadInto(model, saved);
    assertEquals(DType.FLOAT32, model.dtype());
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
