package dev.chainrule.examples.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.chainrule.examples.Main;
import dev.chainrule.examples.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The bp4, testnet-single and testnet-batch subcommands through the command line. */
class ComparisonCommandsTest {
  private record Run(int status, String out, String err) {}

  private static Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int status = Cli.run(new Main(), args);
      return new Run(status, out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void jsonIsOneObjectWithTheMaxRelativeErrorGradientsAndSlips() {
    for (String example : new String[] {"bp4", "testnet-single", "testnet-batch"}) {
      Run r = run(example, "--json");
      assertEquals(0, r.status(), r.err());
      JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
      assertEquals(example, o.get("example").getAsString());
      assertTrue(o.get("maxRelErrorVsManual").getAsDouble() <= 1e-12, example);
      JsonArray grads = o.getAsJsonArray("gradients");
      assertTrue(grads.size() >= 4, example);
      for (var g : grads) {
        assertEquals("agrees", g.getAsJsonObject().get("verdict").getAsString(), example);
      }
      JsonArray slips = o.getAsJsonArray("pinnedSlips");
      assertTrue(slips.size() >= 5, example);
      JsonObject slip = slips.get(0).getAsJsonObject();
      for (String key : new String[] {"id", "formula", "gradient", "outcome", "maxRelDiff",
          "evidence", "explained", "cause", "corrected"}) {
        assertTrue(slip.has(key), example + " slip lacks " + key);
      }
    }
  }

  @Test
  void tablesNameEveryGradientInTheSeedsNotationAndEndWithTheVerdict() {
    Run r = run("testnet-single");
    assertEquals(0, r.status());
    for (String name : new String[] {"∂J/∂W(1)", "∂J/∂b(1)", "∂J/∂W(2)", "∂J/∂b(2)",
        "[3.7]", "CANNOT BE EVALUATED", "SHAPE MISMATCH"}) {
      assertTrue(r.out().contains(name), name);
    }
    assertTrue(r.out().strip().endsWith("every slip explained"), r.out());
  }

  @Test
  void aBadSeedExitsWithStatusTwoAndOneLine() {
    Run r = run("bp4", "--seed", "x");
    assertEquals(Cli.BAD_INPUT, r.status());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("--seed"), r.err());
  }

  @Test
  void anotherSeedGivesOtherNumbersAndStillAgrees() {
    JsonObject a = JsonParser.parseString(run("bp4", "--json").out()).getAsJsonObject();
    JsonObject b = JsonParser.parseString(run("bp4", "--json", "--seed", "9").out())
        .getAsJsonObject();
    assertEquals(9, b.get("randomSeed").getAsLong());
    assertTrue(b.get("verified").getAsBoolean());
    assertTrue(a.getAsJsonArray("pinnedSlips").get(1).getAsJsonObject().get("maxAbsDiff")
        .getAsDouble() != b.getAsJsonArray("pinnedSlips").get(1).getAsJsonObject()
        .get("maxAbsDiff").getAsDouble());
  }
}
