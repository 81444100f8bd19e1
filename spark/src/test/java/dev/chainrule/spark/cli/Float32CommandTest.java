package dev.chainrule.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.testing.Prerequisites;
import dev.chainrule.nn.data.FashionMnist;
import dev.chainrule.nn.io.ModelFile;
import dev.chainrule.nn.model.Model;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fashion-mnist --dtype}: float32 trains a float32 model on Spark (the JSON names the
 * dtype, the saved file is float32, and the model learns: far above the 0.1 of guessing), and a
 * bad value is bad input of one line, as in the examples' commands.
 */
class Float32CommandTest {
  @Test
  void aBadDtypeIsBadInputOfOneLine() {
    List<String> r = CommandLineTest.run("fashion-mnist", "--dtype", "float16");
    assertEquals("2", r.get(0));
    assertTrue(r.get(1).startsWith("error: --dtype must be float64 or float32, got 'float16' "
        + "(usage: chainrule-spark fashion-mnist "), r.get(1));
    assertEquals(1, r.get(1).lines().count(), r.get(1));
  }

  @Test
  void float32TrainsAFloat32ModelOnSpark(@TempDir Path dir) throws Exception {
    Prerequisites.require(Files.isDirectory(FashionMnist.defaultDirectory()),
        "Fashion-MNIST in " + FashionMnist.defaultDirectory(),
        "apt-get install dataset-fashion-mnist");
    Path saved = dir.resolve("f32.crm");
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int status;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      status = Main.run("fashion-mnist", "--master", "local[2]", "--json", "--dtype", "float32",
          "--limit", "1200", "--validation", "200", "--epochs", "2", "--hidden", "32",
          "--batch-size", "50", "--save", saved.toString());
    } finally {
      System.setOut(out);
    }
    assertEquals(0, status, captured.toString(StandardCharsets.UTF_8));
    JsonObject json = JsonParser.parseString(captured.toString(StandardCharsets.UTF_8))
        .getAsJsonObject();
    assertEquals("float32", json.get("dtype").getAsString());
    assertTrue(json.get("testAccuracy").getAsDouble() >= 0.5, json.toString());
    Model model = ModelFile.load(saved);
    assertEquals(DType.FLOAT32, model.dtype());
  }
}
