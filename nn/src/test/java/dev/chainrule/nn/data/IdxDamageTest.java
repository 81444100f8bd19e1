package dev.chainrule.nn.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged IDX files, all of them: every cut and every flipped bit of a small gzipped labels file
 * is either read (a flip in a part gzip does not check, such as its time stamp) or refused with a
 * {@link DataFileException} in words, never with another exception or the word "null"; a header
 * declaring far more data than the file holds is refused without allocating it.
 */
class IdxDamageTest {
  @TempDir Path dir;

  private static byte[] gzippedLabels() throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(raw);
    out.writeInt(IdxReader.LABELS_MAGIC);
    out.writeInt(6);
    out.write(new byte[] {3, 1, 4, 1, 5, 9});
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
      z.write(raw.toByteArray());
    }
    return gz.toByteArray();
  }

  private void readOrRefuseInWords(byte[] content, String what) throws IOException {
    Path file = dir.resolve("labels.gz");
    Files.write(file, content);
    try {
      IdxReader.readLabels(file);
    } catch (DataFileException e) {
      assertFalse(e.getMessage().contains("null"), what + ": " + e.getMessage());
      assertTrue(e.getMessage().startsWith(file.toString()), what + ": " + e.getMessage());
    } catch (RuntimeException | IOException e) {
      fail(what + " leaked " + e);
    }
  }

  @Test
  void aGzipHeaderCutShortSaysSoInsteadOfDamagedNull() throws IOException {
    Path file = dir.resolve("cut.gz");
    Files.write(file, Arrays.copyOf(gzippedLabels(), 5));
    DataFileException e = assertThrows(DataFileException.class, () -> IdxReader.readLabels(file));
    assertTrue(e.getMessage().contains("ends inside its gzip header"), e.getMessage());
    assertFalse(e.getMessage().contains("null"), e.getMessage());
  }

  @Test
  void everyCutOfAGzippedFileIsRefusedInWords() throws IOException {
    byte[] whole = gzippedLabels();
    for (int n = 0; n < whole.length; n++) {
      readOrRefuseInWords(Arrays.copyOf(whole, n), "cut to " + n + " bytes");
    }
  }

  @Test
  void everyFlippedBitOfAGzippedFileIsReadOrRefusedInWords() throws IOException {
    byte[] whole = gzippedLabels();
    for (int bit = 0; bit < 8 * whole.length; bit++) {
      byte[] flipped = whole.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      readOrRefuseInWords(flipped, "bit " + bit + " flipped");
    }
  }

  @Test
  void aHeaderDeclaringGigabytesInATinyFileIsRefusedWithoutAllocatingThem() throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(raw);
    out.writeInt(IdxReader.IMAGES_MAGIC);
    out.writeInt(2000);
    out.writeInt(1000);
    out.writeInt(1000);
    out.write(new byte[24]);
    Path file = dir.resolve("tiny");
    Files.write(file, raw.toByteArray());
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    DataFileException e = assertThrows(DataFileException.class, () -> IdxReader.readImages(file));
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertTrue(e.getMessage().contains("2000000000 bytes, but only 24"), e.getMessage());
    assertTrue(allocated < 16 << 20, "reading a 40-byte file allocated " + allocated + " bytes");
  }
}
