package dev.chainrule.nn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.testing.Prerequisites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {
  @Test
  void missingDirectorySaysWhichFileAndHowToGetIt(@TempDir Path tmp) {
    Path absent = tmp.resolve("nowhere");
    NoSuchFileException e = assertThrows(NoSuchFileException.class,
        () -> FashionMnist.load(absent));
    String m = e.getMessage();
    assertTrue(m.contains("train-images-idx3-ubyte"), m);
    assertTrue(m.contains(absent + " does not exist"), m);
    assertTrue(m.contains("sudo apt-get install dataset-fashion-mnist"), m);
    assertTrue(m.contains("FashionMnist.load(dir)"), m);
  }

  @Test
  void missingSingleFileIsNamed(@TempDir Path tmp) throws IOException {
    for (String f : new String[] {FashionMnist.TRAIN_IMAGES + ".gz", FashionMnist.TRAIN_LABELS,
        FashionMnist.TEST_IMAGES + ".gz"}) {
      Files.write(tmp.resolve(f), new byte[0]);
    }
    NoSuchFileException e = assertThrows(NoSuchFileException.class,
        () -> FashionMnist.load(tmp));
    assertTrue(e.getMessage().contains("test labels"), e.getMessage());
    assertTrue(e.getMessage().contains("t10k-labels-idx1-ubyte"), e.getMessage());
  }

  @Test
  void classNames() {
    assertEquals(10, FashionMnist.CLASS_NAMES.size());
    assertEquals("T-shirt/top", FashionMnist.className(0));
    assertEquals("Ankle boot", FashionMnist.className(9));
    assertThrows(IndexOutOfBoundsException.class, () -> FashionMnist.className(10));
  }

  /**
   * Loads the first 1000 samples of the installed data set. The expected values were read from
   * the files independently with Python's gzip and struct modules: the first training label is 9,
   * the first image's 784 pixels sum to 76247 (of 255 each) with 433 non-zero, and the first
   * 1000 training labels hold 107, 104, 86, 92, 95, 100, 100, 115, 102, 99 of classes 0..9.
   */
  @Test
  void smokeLoadsFirstThousandOfTheRealData() throws IOException {
    Prerequisites.require(Files.isDirectory(FashionMnist.defaultDirectory()),
        "Fashion-MNIST in " + FashionMnist.defaultDirectory(),
        "apt-get install dataset-fashion-mnist");
    FashionMnist data = FashionMnist.load(FashionMnist.defaultDirectory(), 1000);
    Dataset train = data.train();
    assertEquals(1000, train.size());
    assertEquals(784, train.featureCount());
    assertEquals(10, train.outputCount());
    assertEquals(1000, data.test().size());
    double[] x = train.features().toArray();
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (double v : x) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assertEquals(0.0, min);
    assertEquals(1.0, max);
    assertEquals(9, train.label(0));
    assertEquals("Ankle boot", FashionMnist.className(train.label(0)));
    double sum = 0;
    int nonZero = 0;
    for (int p = 0; p < 784; p++) {
      sum += x[p];
      nonZero += x[p] > 0 ? 1 : 0;
    }
    assertEquals(76247 / 255.0, sum, 1e-9);
    assertEquals(433, nonZero);
    assertEquals(List.of(107, 104, 86, 92, 95, 100, 100, 115, 102, 99),
        Arrays.stream(train.classCounts()).boxed().toList());
    assertEquals(9, data.test().label(0));
  }
}
