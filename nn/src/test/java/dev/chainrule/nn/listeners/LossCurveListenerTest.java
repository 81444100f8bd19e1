package dev.chainrule.nn.listeners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.nn.train.EpochStats;
import dev.chainrule.nn.train.History;
import java.awt.image.BufferedImage;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LossCurveListenerTest {
  private static History history(double... losses) {
    List<EpochStats> epochs = new java.util.ArrayList<>();
    for (int i = 0; i < losses.length; i++) {
      epochs.add(new EpochStats(i, 0.1, losses[i], Double.NaN, Double.NaN, Double.NaN, 1, 1));
    }
    return new History(epochs, false, losses.length - 1, false);
  }

  @Test
  void writesAPngWhenTheRunEnds(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("loss.png");
    LossCurveListener curve = LossCurveListener.to(file, "three epochs");
    assertFalse(Files.exists(file), "nothing is written before the run ends");
    curve.onEnd(history(0.9, 0.5, 0.3));
    BufferedImage image = ImageIO.read(file.toFile());
    assertEquals(900, image.getWidth());
    assertEquals(540, image.getHeight());
  }

  @Test
  void aFileThatCannotBeWrittenIsNamedWithTheReason(@TempDir Path dir) throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("notes.txt"), "a file");
    Path file = notADirectory.resolve("loss.png");
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> LossCurveListener.to(file, "t").onEnd(history(1, 0.5)));
    assertTrue(e.getMessage().startsWith("cannot write the loss curve to " + file + ": "),
        e.getMessage());
  }

  @Test
  void theLogAxisIsUsedOnlyWhenTheLossesSpanMoreThanADecade() {
    assertTrue(LossCurve.spansDecades(new double[] {2, 0.1}));
    assertFalse(LossCurve.spansDecades(new double[] {2, 0.3}));
    assertFalse(LossCurve.spansDecades(new double[] {2, 0}), "0 has no logarithm");
  }

  @Test
  void aMissingOptionalLibraryIsNamedWithTheVersionToAdd() throws Exception {
    OptionalLibrary absent = new OptionalLibrary("the feature", "org.example.Absent",
        "org.example:absent", "xchart.version");
    IllegalStateException e = assertThrows(IllegalStateException.class, absent::require);
    String parent = Files.readString(Path.of("..", "pom.xml"));
    Matcher version = Pattern.compile("<xchart.version>(.*)</xchart.version>").matcher(parent);
    assertTrue(version.find());
    assertEquals("the feature needs org.example:absent on the class path, which chainrule-nn "
        + "declares optional: add the dependency org.example:absent:" + version.group(1)
        + " to your project", e.getMessage());
  }
}
