package dev.chainrule.nn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.model.Sequential;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every damaged model file gets one of the messages docs/model-format.md lists, in words: all
 * single-bit flips of a saved model and of a custom model's file, every truncation, absurd
 * declared sizes, a future version and a malformed header with a valid checksum. The files of
 * the last cases are assembled here byte by byte from the documented layout.
 */
class ModelFileDamageTest {
  /** The message starts the documentation lists, after "file: ". */
  private static final List<String> DOCUMENTED = List.of("not a chainrule model file",
      "format version ", "truncated: ", "corrupt: ", "the JSON header is malformed or lacks a "
          + "field");

  @TempDir
  Path dir;

  private byte[] savedSequential() throws IOException {
    Path f = dir.resolve("good.crm");
    ModelFile.save(Sequential.builder(Layout.COLUMN, 2).dense(3, Activation.tanh())
        .dense(1, Activation.sigmoid()).seed(4).build(), f);
    return Files.readAllBytes(f);
  }

  /** Returns a version-2 file of {@code json} and {@code values}, with a correct CRC-32. */
  private static byte[] assemble(int version, String json, double... values) {
    byte[] header = json.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(24 + header.length + 8 * values.length + 4)
        .order(ByteOrder.LITTLE_ENDIAN);
    b.put("chainrule-model\n".getBytes(StandardCharsets.US_ASCII)).putInt(version)
        .putInt(header.length).put(header);
    for (double v : values) {
      b.putDouble(v);
    }
    CRC32 crc = new CRC32();
    crc.update(b.array(), 0, b.position());
    b.putInt((int) crc.getValue());
    return b.array();
  }

  private static final String CUSTOM = "{\"format\":\"chainrule-model\",\"parameters\":["
      + "{\"name\":\"w\",\"shape\":[1,2]},{\"name\":\"c\",\"shape\":[]}]}";

  /** Returns the message loading {@code bytes} gives, after checking it is documented. */
  private String message(byte[] bytes, String what) throws IOException {
    Path f = dir.resolve("bad.crm");
    Files.write(f, bytes);
    try {
      ModelFile.read(f);
    } catch (ModelFileException e) {
      String m = e.getMessage();
      String prefix = f + ": ";
      assertTrue(m.startsWith(prefix), what + ": " + m);
      String said = m.substring(prefix.length());
      assertTrue(DOCUMENTED.stream().anyMatch(said::startsWith), what + ": undocumented: " + m);
      for (String leak : List.of("Exception", "For input string", "null", "com.google")) {
        assertFalse(m.contains(leak), what + ": leaks '" + leak + "': " + m);
      }
      return said;
    } catch (RuntimeException e) {
      fail(what + ": leaked " + e);
    }
    return fail(what + ": was read as a model");
  }

  private static byte[] flip(byte[] bytes, int bit) {
    byte[] f = bytes.clone();
    f[bit / 8] ^= (byte) (1 << (bit % 8));
    return f;
  }

  @Test
  void everySingleBitFlipOfASavedModelIsReportedAsCorrupt() throws IOException {
    byte[] good = savedSequential();
    for (int bit = 0; bit < 8 * good.length; bit++) {
      String m = message(flip(good, bit), "bit " + bit + " of " + 8 * good.length);
      assertTrue(m.startsWith("corrupt: "), "bit " + bit + ": " + m);
    }
  }

  @Test
  void everySingleBitFlipOfACustomModelsFileGetsADocumentedMessage() throws IOException {
    byte[] good = assemble(2, CUSTOM, 1.5, -2, 0.25);
    for (int bit = 0; bit < 8 * good.length; bit++) {
      message(flip(good, bit), "bit " + bit + " of " + 8 * good.length);
    }
  }

  @Test
  void everyTruncationSaysTruncatedAndHowManyBytesAreMissingOnceTheHeaderIsWhole()
      throws IOException {
    byte[] good = savedSequential();
    int headerEnd = 24 + ByteBuffer.wrap(good, 20, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    for (int n = 0; n < good.length; n++) {
      String m = message(Arrays.copyOf(good, n), "cut to " + n + " of " + good.length + " bytes");
      assertTrue(m.startsWith("truncated: "), "cut to " + n + ": " + m);
      if (n >= headerEnd) {
        assertTrue(m.endsWith(": " + (good.length - n) + " bytes are missing"), "cut to " + n
            + ": " + m);
      }
    }
  }

  @Test
  void absurdDeclaredSizesAreRefusedBeforeAllocatingThem() throws IOException {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (String shape : List.of("[100000,100000]", "[30000,30000]", "[2147483647,2]")) {
      byte[] tiny = assemble(2, "{\"format\":\"chainrule-model\",\"parameters\":[{\"name\":\"w\","
          + "\"shape\":" + shape + "}]}", 1.0);
      long before = threads.getCurrentThreadAllocatedBytes();
      String m = message(tiny, shape);
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;
      assertTrue(allocated < 4 << 20, shape + ": allocated " + allocated + " bytes: " + m);
      assertTrue(m.startsWith("corrupt: ") || m.startsWith("the JSON header is malformed"), m);
    }
  }

  @Test
  void aFutureVersionWithAValidChecksumIsNotSupported() throws IOException {
    assertEquals("format version 4 is not supported; this version of chainrule reads versions 1, "
        + "2 and 3", message(assemble(4, CUSTOM, 1.5, -2, 0.25), "version 4"));
  }

  @Test
  void aMalformedHeaderWithAValidChecksumNamesTheField() throws IOException {
    String m = message(assemble(2, "{\"format\":\"chainrule-model\",\"parameters\":[{\"name\":1,"
        + "\"shape\":[1]}]}", 0.5), "name 1");
    assertTrue(m.contains("parameters[0].name"), m);
    m = message(assemble(2, "{\"format\":\"chainrule-model\"}"), "no parameters");
    assertTrue(m.contains("parameters"), m);
    m = message(assemble(2, "{\"format\":\"chainrule-model\",\"parameters\":[{\"name\":\"w\","
        + "\"shape\":[\"$\"]}]}", 0.5), "shape of a string");
    assertTrue(m.contains("parameters[0].shape[0]"), m);
  }
}
