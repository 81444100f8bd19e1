package dev.chainrule.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.Shape;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  @TempDir Path dir;

  /** Three 2 × 3 images; pixel (i, r, c) = 40·i + 10·r + c, and the last pixel is 255. */
  private static byte[] images() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(0x00000803);
    out.writeInt(3);
    out.writeInt(2);
    out.writeInt(3);
    for (int i = 0; i < 3; i++) {
      for (int r = 0; r < 2; r++) {
        for (int c = 0; c < 3; c++) {
          out.writeByte(i == 2 && r == 1 && c == 2 ? 255 : 40 * i + 10 * r + c);
        }
      }
    }
    return bytes.toByteArray();
  }

  private static byte[] labels(int... values) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(0x00000801);
    out.writeInt(values.length);
    for (int v : values) {
      out.writeByte(v);
    }
    return bytes.toByteArray();
  }

  private Path write(String name, byte[] content) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, content);
    return file;
  }

  private Path writeGzip(String name, byte[] content) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(content);
    }
    return file;
  }

  @Test
  void readsPlainImages() throws IOException {
    IdxImages img = IdxReader.readImages(write("img", images()));
    assertEquals(3, img.count());
    assertEquals(2, img.rows());
    assertEquals(3, img.columns());
    assertEquals(52, img.pixel(1, 1, 2));
    assertEquals(255, img.pixel(2, 1, 2));
    assertEquals(Shape.of(3, 6), img.toFeatures(1).shape());
    assertArrayEquals(new double[] {40, 41, 42, 50, 51, 52}, 
        Arrays.copyOfRange(img.toFeatures(1).toArray(), 6, 12));
  }

  @Test
  void gzipIsDetectedByContentNotName() throws IOException {
    IdxImages img = IdxReader.readImages(writeGzip("images-without-suffix", images()));
    assertEquals(11, img.pixel(0, 1, 1));
    int[] l = IdxReader.readLabels(writeGzip("labels.gz", labels(7, 0, 255)));
    assertArrayEquals(new int[] {7, 0, 255}, l);
    assertArrayEquals(new int[] {7, 0, 255}, IdxReader.readLabels(write("plain.gz",
        labels(7, 0, 255))));
  }

  @Test
  void limitReadsOnlyTheFirstSamples() throws IOException {
    IdxImages img = IdxReader.readImages(write("img", images()), 2);
    assertEquals(2, img.count());
    assertEquals(Shape.of(2, 6), img.toFeatures(1).shape());
    assertArrayEquals(new int[] {4}, IdxReader.readLabels(write("l", labels(4, 5, 6)), 1));
    assertEquals(3, IdxReader.readImages(write("img2", images()), 100).count());
  }

  /** A limit of 0 or less would read nothing: every reader refuses it, naming it and its value. */
  @Test
  void aLimitBelowOneIsRefusedNamingTheArgumentAndValue() throws IOException {
    Path img = write("img", images());
    Path lab = write("lab", labels(1, 2, 3));
    String expected = "limit must be at least 1, got %d (the number of samples to read from the "
        + "start of each file; Integer.MAX_VALUE reads them all)";
    assertEquals(String.format(expected, 0), assertThrows(IllegalArgumentException.class,
        () -> IdxReader.readImages(img, 0)).getMessage());
    assertEquals(String.format(expected, -5), assertThrows(IllegalArgumentException.class,
        () -> IdxReader.readLabels(lab, -5)).getMessage());
    assertEquals(String.format(expected, 0), assertThrows(IllegalArgumentException.class,
        () -> IdxReader.readDataset("tiny", img, lab, 10, 0)).getMessage());
    assertEquals(String.format(expected, 0), assertThrows(IllegalArgumentException.class,
        () -> FashionMnist.load(dir, 0)).getMessage());
    assertEquals(1, IdxReader.readImages(img, 1).count());
  }

  @Test
  void readDatasetScalesPixelsToUnitRange() throws IOException {
    Dataset d = IdxReader.readDataset("tiny", writeGzip("i.gz", images()),
        write("l", labels(2, 0, 1)), 3, Integer.MAX_VALUE);
    assertEquals(3, d.size());
    assertEquals(6, d.featureCount());
    assertArrayEquals(new int[] {2, 0, 1}, d.labels());
    assertEquals(52 / 255.0, d.features().get(1, 5), 1e-15);
    assertEquals(1.0, d.features().get(2, 5));
    assertEquals(0.0, d.features().get(0, 0));
  }

  @Test
  void wrongMagicShowsExpectedAndFoundInHex() throws IOException {
    Path swapped = write("swapped", labels(1, 2));
    DataFileException e = assertThrows(DataFileException.class,
        () -> IdxReader.readImages(swapped));
    assertTrue(e.getMessage().contains("expected 0x00000803"), e.getMessage());
    assertTrue(e.getMessage().contains("found 0x00000801"), e.getMessage());
    assertTrue(e.getMessage().startsWith(swapped.toString()), e.getMessage());
    assertEquals(swapped, e.file());
    Path text = write("text.csv", "1,2,3\n4,5,6\n".getBytes());
    e = assertThrows(DataFileException.class, () -> IdxReader.readLabels(text));
    assertTrue(e.getMessage().contains("found 0x312C322C"), e.getMessage());
    assertTrue(e.getMessage().contains("not an uncompressed or gzipped IDX file"),
        e.getMessage());
  }

  @Test
  void unsupportedElementTypeIsNamed() throws IOException {
    byte[] floats = images();
    floats[2] = 0x0D;
    DataFileException e = assertThrows(DataFileException.class,
        () -> IdxReader.readImages(write("floats", floats)));
    assertTrue(e.getMessage().contains("0x0D (32-bit float)"), e.getMessage());
  }

  @Test
  void truncatedBodyReportsExpectedAndFoundBytes() throws IOException {
    byte[] whole = images();
    Path cut = write("cut", Arrays.copyOf(whole, whole.length - 4));
    DataFileException e = assertThrows(DataFileException.class,
        () -> IdxReader.readImages(cut));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    assertTrue(e.getMessage().contains("18 bytes, but only 14"), e.getMessage());
    assertEquals(2, IdxReader.readImages(cut, 2).count(), "the first two images are whole");
    Path cutGzip = writeGzip("cut.gz", Arrays.copyOf(whole, whole.length - 4));
    e = assertThrows(DataFileException.class, () -> IdxReader.readImages(cutGzip));
    assertTrue(e.getMessage().contains("18 bytes, but only 14"), e.getMessage());
  }

  @Test
  void truncatedGzipStreamIsReportedAsTruncation() throws IOException {
    Path whole = writeGzip("whole.gz", labels(new int[2000]));
    byte[] gz = Files.readAllBytes(whole);
    Path cut = write("cut.gz", Arrays.copyOf(gz, gz.length - 12));
    DataFileException e = assertThrows(DataFileException.class,
        () -> IdxReader.readLabels(cut));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    assertTrue(e.getMessage().contains("2000 bytes"), e.getMessage());
  }

  @Test
  void truncatedHeaderAndEmptyFile() throws IOException {
    DataFileException e = assertThrows(DataFileException.class,
        () -> IdxReader.readImages(write("empty", new byte[0])));
    assertTrue(e.getMessage().contains("header takes 16 bytes, but only 0"), e.getMessage());
    e = assertThrows(DataFileException.class,
        () -> IdxReader.readImages(write("short", Arrays.copyOf(images(), 10))));
    assertTrue(e.getMessage().contains("header takes 16 bytes, but only 10"), e.getMessage());
  }

  @Test
  void mismatchedImageAndLabelCountsNameBothFiles() throws IOException {
    Path img = write("img", images());
    Path lab = write("lab", labels(1, 2));
    DataFileException e = assertThrows(DataFileException.class,
        () -> IdxReader.readDataset("x", img, lab, 10, Integer.MAX_VALUE));
    assertTrue(e.getMessage().contains("2 labels"), e.getMessage());
    assertTrue(e.getMessage().contains("3 images"), e.getMessage());
    assertTrue(e.getMessage().contains(img.toString()), e.getMessage());
    assertTrue(e.getMessage().startsWith(lab.toString()), e.getMessage());
  }

  @Test
  void labelBeyondClassCountNamesTheFile() throws IOException {
    Path lab = write("lab", labels(1, 12, 0));
    DataFileException e = assertThrows(DataFileException.class,
        () -> IdxReader.readDataset("x", write("img", images()), lab, 10, Integer.MAX_VALUE));
    assertTrue(e.getMessage().contains("label 12 of sample 1"), e.getMessage());
    assertTrue(e.getMessage().startsWith(lab.toString()), e.getMessage());
  }

  @Test
  void aMissingFileOrADirectoryIsSaidInWords() {
    Path none = dir.resolve("train-images-idx3-ubyte");
    DataFileException e = assertThrows(DataFileException.class, () -> IdxReader.readImages(none));
    assertEquals(none + ": cannot be read: no such file or directory", e.getMessage());
    DataFileException d = assertThrows(DataFileException.class, () -> IdxReader.readLabels(dir));
    assertEquals(dir + ": is a directory, not an IDX file", d.getMessage());
  }
}
