package dev.chainrule.examples.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.testing.Prerequisites;
import dev.chainrule.cli.Cli;
import dev.chainrule.examples.cli.CliRun;
import dev.chainrule.nn.data.FashionMnist;
import dev.chainrule.nn.io.ModelFile;
import dev.chainrule.nn.model.Sequential;
import dev.chainrule.nn.train.Evaluation;
import dev.chainrule.nn.train.Inference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training subcommands' command-line contract: one JSON object, exit statuses, messages. */
class CommandsTest {
  private static JsonObject json(CliRun o) {
    assertEquals(0, o.status(), o.err());
    return JsonParser.parseString(o.out()).getAsJsonObject();
  }

  @Test
  void xorJsonReportsFourCorrect() {
    JsonObject j = json(CliRun.of("xor", "--json"));
    assertEquals(4, j.get("correct").getAsInt());
    assertEquals(4, j.getAsJsonArray("outputs").size());
  }

  @Test
  void shallowJsonReportsAccuracyAndWritesThePlot(@TempDir Path dir) {
    Path png = dir.resolve("curve.png");
    JsonObject j = json(CliRun.of("shallow", "--json", "--plot", png.toString()));
    assertTrue(j.get("accuracy").getAsDouble() >= 0.90, j.toString());
    assertEquals("3-4-1", j.get("architecture").getAsString());
    assertTrue(Files.isRegularFile(png));
    assertEquals(png.toAbsolutePath().toString(), j.get("plot").getAsString());
  }

  @Test
  void theReportSaysWhereThePlotWent(@TempDir Path dir) {
    Path png = dir.resolve("xor.png");
    CliRun o = CliRun.of("xor", "--steps", "200", "--plot", png.toString());
    assertEquals(0, o.status(), o.err());
    assertTrue(o.out().endsWith("loss curve written to " + png.toAbsolutePath() + "\n"), o.out());
    assertTrue(Files.isRegularFile(png));
  }

  @Test
  void anUnwritablePlotIsOneLineNamingTheFile(@TempDir Path dir) throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("notes.txt"), "a file");
    CliRun o = CliRun.of("xor", "--steps", "200", "--plot", notADirectory.resolve("x.png")
        .toString());
    assertEquals(Cli.FAILED, o.status());
    assertTrue(o.err().startsWith("error: cannot write the loss curve to " + notADirectory
        .resolve("x.png")), o.err());
    assertEquals(1, o.err().strip().lines().count(), o.err());
  }

  @Test
  void badOptionsExitTwoWithOneLine() {
    CliRun o = CliRun.of("shallow", "--features", "4");
    assertEquals(Cli.BAD_INPUT, o.status());
    assertTrue(o.err().startsWith("error: --features must be 2"), o.err());
    assertEquals(1, o.err().strip().lines().count(), o.err());
    CliRun opt = CliRun.of("fashion-mnist", "--optimizer", "rmsprop");
    assertEquals(Cli.BAD_INPUT, opt.status());
    assertTrue(opt.err().contains("--optimizer must be adam, momentum or sgd"), opt.err());
  }

  @Test
  void missingFashionMnistSaysHowToGetIt(@TempDir Path dir) {
    CliRun o = CliRun.of("fashion-mnist", "--json", "--data", dir.resolve("none").toString());
    assertEquals(Cli.FAILED, o.status());
    assertEquals("", o.out());
    assertTrue(o.err().contains("apt-get install dataset-fashion-mnist")
        && o.err().contains("--data DIR"), o.err());
    assertEquals(1, o.err().strip().lines().count(), o.err());
  }

  /** A quick run on a slice of the real data; skipped when it is not installed. */
  @Test
  void fashionMnistOnASliceSavesALoadableModel(@TempDir Path dir) throws Exception {
    Prerequisites.require(Files.isDirectory(FashionMnist.defaultDirectory()),
        "Fashion-MNIST in " + FashionMnist.defaultDirectory(),
        "apt-get install dataset-fashion-mnist");
    Path model = dir.resolve("fm.crm");
    JsonObject j = json(CliRun.of("fashion-mnist", "--json", "--limit", "1500", "--epochs", "3",
        "--batch-size", "32", "--hidden", "32", "--validation", "300", "--save", model.toString()));
    assertEquals(3, j.get("epochs").getAsInt());
    assertEquals(1200, j.get("trainSamples").getAsInt());
    assertTrue(j.get("testAccuracy").getAsDouble() > 0.6, j.toString());
    assertTrue(j.has("secondsPerEpoch"));
    assertEquals(model.toAbsolutePath().toString(), j.get("saved").getAsString());
    Sequential loaded = ModelFile.load(model);
    assertEquals("784-32-10", loaded.architecture().orElseThrow().widths());
    Evaluation onRawPixels = new Inference(loaded, null).evaluate(
        FashionMnist.load(FashionMnist.defaultDirectory(), 1500).test());
    assertEquals(j.get("testAccuracy").getAsDouble(), onRawPixels.accuracy(), 1.0 / 1500,
        "the saved model has the standardisation folded in and takes raw pixels");
  }

  @Test
  void aBadDtypeIsAUsageErrorOfOneLine() {
    for (String command : new String[] {"fashion-mnist", "cnn", "sequence"}) {
      CliRun o = CliRun.of(command, "--dtype", "float16", "--json");
      assertEquals(Cli.BAD_INPUT, o.status(), command);
      assertEquals("", o.out());
      assertTrue(o.err().startsWith("error: --dtype must be float64 or float32, got 'float16'"),
          o.err());
      assertEquals(1, o.err().strip().lines().count(), o.err());
    }
  }

  /**
   * The float32 run of the slice above reaches the float64 run's accuracy (within 2 points: the
   * two runs differ by rounding, which moves a few borderline images of 1500), and its saved
   * model is a float32 file.
   */
  @Test
  void fashionMnistTrainsInFloat32(@TempDir Path dir) throws Exception {
    Prerequisites.require(Files.isDirectory(FashionMnist.defaultDirectory()),
        "Fashion-MNIST in " + FashionMnist.defaultDirectory(),
        "apt-get install dataset-fashion-mnist");
    Path model = dir.resolve("fm32.crm");
    String[] slice = {"fashion-mnist", "--json", "--limit", "1500", "--epochs", "3",
        "--batch-size", "32", "--hidden", "32", "--validation", "300"};
    JsonObject f64 = json(CliRun.of(slice));
    String[] f32Args = Arrays.copyOf(slice, slice.length + 4);
    f32Args[slice.length] = "--dtype";
    f32Args[slice.length + 1] = "float32";
    f32Args[slice.length + 2] = "--save";
    f32Args[slice.length + 3] = model.toString();
    JsonObject f32 = json(CliRun.of(f32Args));
    assertEquals("float32", f32.get("dtype").getAsString());
    assertEquals("float64", f64.get("dtype").getAsString());
    assertEquals(f64.get("testAccuracy").getAsDouble(), f32.get("testAccuracy").getAsDouble(),
        0.02, f32.toString());
    assertEquals(DType.FLOAT32, ModelFile.load(model).dtype());
  }
}
