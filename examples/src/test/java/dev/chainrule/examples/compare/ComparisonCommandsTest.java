package dev.chainrule.examples.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.chainrule.cli.Cli;
import dev.chainrule.examples.cli.CliRun;
import org.junit.jupiter.api.Test;

/** The bp4, testnet-single and testnet-batch subcommands through the command line. */
class ComparisonCommandsTest {
  @Test
  void jsonIsOneObjectWithTheMaxRelativeErrorGradientsAndSlips() {
    for (String example : new String[] {"bp4", "testnet-single", "testnet-batch"}) {
      CliRun r = CliRun.of(example, "--json");
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
      for (String key : new String[] {"seedLine", "formula", "gradient", "outcome", "maxRelDiff",
          "evidence", "explained", "cause", "corrected"}) {
        assertTrue(slip.has(key), example + " slip lacks " + key);
      }
    }
  }

  @Test
  void tablesNameEveryGradientInTheSeedsNotationAndEndWithTheVerdict() {
    CliRun r = CliRun.of("testnet-single");
    assertEquals(0, r.status());
    for (String name : new String[] {"∂J/∂W(1)", "∂J/∂b(1)", "∂J/∂W(2)", "∂J/∂b(2)",
        "[seed 003:547]", "CANNOT BE EVALUATED", "SHAPE MISMATCH"}) {
      assertTrue(r.out().contains(name), name);
    }
    assertTrue(r.out().strip().endsWith("every slip explained"), r.out());
  }

  @Test
  void aBadSeedExitsWithStatusTwoAndOneLine() {
    CliRun r = CliRun.of("bp4", "--seed", "x");
    assertEquals(Cli.BAD_INPUT, r.status());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("--seed"), r.err());
  }

  @Test
  void anotherSeedGivesOtherNumbersAndStillAgrees() {
    JsonObject a = JsonParser.parseString(CliRun.of("bp4", "--json").out()).getAsJsonObject();
    JsonObject b = JsonParser.parseString(CliRun.of("bp4", "--json", "--seed", "9").out())
        .getAsJsonObject();
    assertEquals(9, b.get("randomSeed").getAsLong());
    assertTrue(b.get("verified").getAsBoolean());
    assertTrue(a.getAsJsonArray("pinnedSlips").get(1).getAsJsonObject().get("maxAbsDiff")
        .getAsDouble() != b.getAsJsonArray("pinnedSlips").get(1).getAsJsonObject()
        .get("maxAbsDiff").getAsDouble());
  }
}
