package dev.chainrule.nn.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Tells what is wrong with a model file whose bytes cannot be trusted: a magic line that is not
 * chainrule's, or damaged in an otherwise intact file; and, for a file whose CRC-32 does not
 * match, whether it is truncated (its header is whole, or cut short, and declares more bytes than
 * the file has: the message says how many are missing) or corrupt. Nothing in such a file is
 * believed beyond what this diagnosis needs, and nothing it declares is allocated.
 */
final class ModelDamage {
  private static final byte[] MAGIC = ModelFile.MAGIC.getBytes(StandardCharsets.US_ASCII);

  private ModelDamage() {}

  /**
   * Throws unless {@code bytes} start with the magic line: "truncated" for a file that is a
   * beginning of it, "corrupt" for one whose magic line alone is damaged (the CRC-32 matches once
   * it is restored), else "not a chainrule model file".
   */
  static void checkMagic(Path file, byte[] bytes) throws ModelFileException {
    if (bytes.length >= MAGIC.length
        && Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
      return;
    }
    if (bytes.length < MAGIC.length
        && Arrays.equals(bytes, Arrays.copyOf(MAGIC, bytes.length))) {
      throw new ModelFileException(file, "truncated: " + bytes.length + " bytes, fewer than "
          + "the " + MAGIC.length + " of the line 'chainrule-model' that starts every model file");
    }
    if (bytes.length >= ModelBytes.PREFIX + ModelBytes.CHECKSUM) {
      byte[] restored = bytes.clone();
      System.arraycopy(MAGIC, 0, restored, 0, MAGIC.length);
      if (ModelBytes.crcMatches(restored)) {
        throw new ModelFileException(file, "corrupt: the first line should read "
            + "'chainrule-model' but is damaged; with it restored, the CRC-32 of the contents "
            + "matches");
      }
    }
    throw new ModelFileException(file, "not a chainrule model file: it does not start with the "
        + "line 'chainrule-model'");
  }

  /**
   * Returns the error for a file of format {@code version} (0 when the version field holds one
   * this code does not read) whose CRC-32 does not match: truncated when its header declares
   * more bytes than the file has and is either whole and consistent or cut short by the end of
   * the file, else corrupt with {@code crcMessage}.
   */
  static ModelFileException diagnose(Path file, byte[] bytes, int version, String crcMessage) {
    long headerLength = ModelBytes.headerLength(bytes);
    long headerEnd = ModelBytes.PREFIX + headerLength;
    if (headerEnd > bytes.length) {
      return cutShort(bytes, ModelBytes.PREFIX) ? new ModelFileException(file, "truncated: the "
          + "header declares " + headerLength + " bytes, but the file has only " + bytes.length
          + " bytes in all: at least " + (headerEnd + ModelBytes.CHECKSUM - bytes.length)
          + " bytes are missing") : new ModelFileException(file, crcMessage);
    }
    ModelHeader header = version == 0 ? null : quietly(bytes, headerLength, version, file);
    if (header != null && header.isConsistent()) {
      long expected = ModelBytes.expectedLength(header, headerLength);
      if (expected > bytes.length) {
        return new ModelFileException(file, "truncated: " + declares(header) + " make "
            + expected + " bytes, but the file has " + bytes.length + ": "
            + (expected - bytes.length) + " bytes are missing");
      }
    }
    return new ModelFileException(file, crcMessage);
  }

  /**
   * Returns what a header declares in words, e.g. "the header's 4 parameters (10 float64 values)".
   */
  static String declares(ModelHeader header) {
    String buffers = header.state() == null ? "" : " with " + header.state().slots().size()
        + " optimizer buffers each";
    String state = header.bufferNames().isEmpty() ? "" : ", " + header.bufferNames().size()
        + " state tensors";
    return "the header's " + header.names().size() + " parameters" + buffers + state + " ("
        + header.valueCount() + " " + header.dtype() + " values)";
  }

  private static ModelHeader quietly(byte[] bytes, long headerLength, int version, Path file) {
    try {
      return ModelHeader.parse(ModelBytes.header(bytes, headerLength), version, file);
    } catch (ModelFileException e) {
      return null;
    }
  }

  /**
   * Returns true when the bytes from {@code from} to the end are the beginning of a JSON object
   * that the end of the file cuts short: they start with '{' and no object closes before the end
   * (a header whose length field was damaged is followed by the value blocks, after its object
   * closes).
   */
  private static boolean cutShort(byte[] bytes, int from) {
    if (from >= bytes.length || bytes[from] != '{') {
      return false;
    }
    int depth = 0;
    boolean inString = false;
    for (int i = from; i < bytes.length; i++) {
      byte b = bytes[i];
      if (inString) {
        if (b == '\\') {
          i++;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '{' || b == '[') {
        depth++;
      } else if (b == '}' || b == ']') {
        if (--depth == 0) {
          return false;
        }
      }
    }
    return true;
  }
}
