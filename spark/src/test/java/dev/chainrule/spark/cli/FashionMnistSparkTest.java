package dev.chainrule.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.chainrule.core.testing.Prerequisites;
import dev.chainrule.nn.data.FashionMnist;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The command docs/spark.md quotes, run whole (about ten minutes on two busy cores, so in the long
 * suite): {@code fashion-mnist --master local[2] --json} reaches a test accuracy of at least 0.88
 * and reports its mode, partitions and seconds per epoch.
 */
@Tag("long")
class FashionMnistSparkTest {
  @Test
  void synchronousTrainingOnTwoThreadsReachesTheSingleMachinesAccuracy() {
    Prerequisites.require(Files.isDirectory(FashionMnist.defaultDirectory()),
        "Fashion-MNIST in " + FashionMnist.defaultDirectory(),
        "apt-get install dataset-fashion-mnist");
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int status;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      status = Main.run("fashion-mnist", "--master", "local[2]", "--json");
    } finally {
      System.setOut(out);
    }
    assertEquals(0, status);
    JsonObject json = JsonParser.parseString(captured.toString(StandardCharsets.UTF_8))
        .getAsJsonObject();
    assertTrue(json.get("testAccuracy").getAsDouble() >= 0.88, json.toString());
    assertEquals("sync", json.get("mode").getAsString());
    assertEquals(2, json.get("partitions").getAsInt());
    assertTrue(json.get("secondsPerEpoch").getAsDouble() > 0);
  }
}
