package dev.chainrule.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.chainrule.core.testing.Prerequisites;
import dev.chainrule.examples.cli.CliRun;
import dev.chainrule.nn.data.FashionMnist;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The long suite ({@code mvn -B test -Plong}, CONTRIBUTING.md): the full-size example runs whose
 * results docs/training.md quotes, rerun so that the page's figures stay true. Too slow for every
 * build (about three minutes, most of it Fashion-MNIST), so tagged {@code long} and left out of
 * {@code mvn test}.
 */
@Tag("long")
class LongExamplesTest {
  private static JsonObject json(String... args) {
    CliRun r = Transcripts.run(List.of(args));
    assertEquals(0, r.status(), () -> String.join(" ", args) + " fails: " + r.err());
    return JsonParser.parseString(r.out()).getAsJsonObject();
  }

  private static void pageSays(String text) throws IOException {
    String page = Files.readString(MarkdownBlocks.ROOT.resolve("docs/training.md"),
        StandardCharsets.UTF_8);
    assertTrue(page.contains(text), "docs/training.md quotes " + text);
  }

  @Test
  void xorLearnsAllFourPointsFromEverySeed() throws IOException {
    pageSays("4 of 4 for every seed");
    for (int seed = 0; seed < 50; seed++) {
      assertEquals(4, json("xor", "--json", "--seed", String.valueOf(seed)).get("correct")
          .getAsInt(), "xor with seed " + seed);
    }
  }

  @Test
  void shallowReachesTheQuotedAccuracies() throws IOException {
    pageSays("`accuracy` 0.9375, `testAccuracy` 0.915");
    JsonObject r = json("shallow", "--json");
    assertEquals(0.9375, r.get("accuracy").getAsDouble(), 1e-12);
    assertEquals(0.915, r.get("testAccuracy").getAsDouble(), 1e-12);
  }

  @Test
  void fashionMnistReachesTheQuotedTestAccuracy() throws IOException {
    Prerequisites.require(Files.isDirectory(FashionMnist.defaultDirectory()),
        "Fashion-MNIST in " + FashionMnist.defaultDirectory(),
        "apt-get install dataset-fashion-mnist");
    pageSays("`testAccuracy` 0.8938");
    double accuracy = json("fashion-mnist", "--json").get("testAccuracy").getAsDouble();
    assertEquals(0.8938, accuracy, 0.005, "seed 1, 10 epochs");
  }
}
