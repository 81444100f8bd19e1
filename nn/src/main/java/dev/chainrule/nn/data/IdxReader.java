package dev.chainrule.nn.data;

import dev.chainrule.core.tensor.DType;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads files in the IDX format of MNIST and Fashion-MNIST: a big-endian magic number {@code
 * 0x0000TTRR} (TT the element type, RR the rank), RR big-endian 32-bit dimensions, then the
 * elements row-major. Images are rank 3 (magic 0x00000803), labels rank 1 (magic 0x00000801),
 * both of unsigned bytes. Files may be plain or
 * gzip-compressed; compression is recognised by the gzip magic bytes, whatever the file name.
 *
 * <p>Every method reads at most {@code limit} samples from the start of the file, so a smoke test
 * can load a small slice quickly; a limit below 1 is refused with an {@link
 * IllegalArgumentException}. Format errors are {@link DataFileException}s naming the file.
 */
public final class IdxReader {
  /** The magic number of an IDX file of unsigned-byte images, 0x00000803. */
  public static final int IMAGES_MAGIC = 0x00000803;
  /** The magic number of an IDX file of unsigned-byte labels, 0x00000801. */
  public static final int LABELS_MAGIC = 0x00000801;

  private static final int UNSIGNED_BYTE = 0x08;
  private static final int BUFFER = 1 << 16;

  private IdxReader() {}

  /** Reads every image of an IDX images file. */
  public static IdxImages readImages(Path file) throws IOException {
    return readImages(file, Integer.MAX_VALUE);
  }

  /** Reads the first {@code limit} (at least 1) images, or all if fewer, of an IDX images file. */
  public static IdxImages readImages(Path file, int limit) throws IOException {
    checkLimit(limit);
    try (InputStream in = open(file)) {
      int[] dims = readHeader(in, file, IMAGES_MAGIC);
      return readImageBody(in, file, dims, limit);
    }
  }

  /** Reads every label of an IDX labels file, as values 0..255. */
  public static int[] readLabels(Path file) throws IOException {
    return readLabels(file, Integer.MAX_VALUE);
  }

  /** Reads the first {@code limit} (at least 1) labels, or all if fewer, of an IDX labels file. */
  public static int[] readLabels(Path file, int limit) throws IOException {
    checkLimit(limit);
    try (InputStream in = open(file)) {
      int[] dims = readHeader(in, file, LABELS_MAGIC);
      return readLabelBody(in, file, dims[0], limit);
    }
  }

  /**
   * Reads a pair of images and labels files into a classification dataset with the pixels scaled
   * to [0, 1], one flattened image per row; throws when the two files declare different sample
   * counts or a label lies outside {@code 0 .. classCount-1}. Reads the first {@code limit} (at
   * least 1) samples, or all if fewer.
   */
  public static Dataset readDataset(String name, Path images, Path labels, int classCount,
      int limit) throws IOException {
    return readDataset(name, images, labels, classCount, limit, DType.FLOAT64);
  }

  /**
   * Reads the dataset as {@link #readDataset(String, Path, Path, int, int)} does, with features
   * and targets in {@code dtype}; float32 pixels are made straight from the file's bytes.
   */
  public static Dataset readDataset(String name, Path images, Path labels, int classCount,
      int limit, DType dtype) throws IOException {
    checkLimit(limit);
    try (InputStream imageIn = open(images); InputStream labelIn = open(labels)) {
      int[] imageDims = readHeader(imageIn, images, IMAGES_MAGIC);
      int[] labelDims = readHeader(labelIn, labels, LABELS_MAGIC);
      if (imageDims[0] != labelDims[0]) {
        throw new DataFileException(labels, "holds " + labelDims[0] + " labels but the images "
            + "file " + images + " holds " + imageDims[0] + " images; the counts must match");
      }
      IdxImages pixels = readImageBody(imageIn, images, imageDims, limit);
      int[] classes = readLabelBody(labelIn, labels, labelDims[0], limit);
      for (int i = 0; i < classes.length; i++) {
        if (classes[i] >= classCount) {
          throw new DataFileException(labels, "label " + classes[i] + " of sample " + i
              + " is outside the class range 0.." + (classCount - 1));
        }
      }
      return Dataset.classification(name, pixels.toFeatures(1.0 / 255, dtype), classes,
          classCount, false);
    }
  }

  /**
   * Checks a sample limit: a limit below 1 would read nothing, which is never what a caller means.
   *
   * @throws IllegalArgumentException naming the argument and its value
   */
  static void checkLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit + " (the number "
          + "of samples to read from the start of each file; Integer.MAX_VALUE reads them all)");
    }
  }

  /** Opens {@code file}, decompressing it when it starts with the gzip magic bytes 1f 8b. */
  private static InputStream open(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new DataFileException(file, "is a directory, not an IDX file");
    }
    InputStream raw;
    try {
      raw = Files.newInputStream(file);
    } catch (IOException e) {
      throw DataFileException.unreadable(file, e);
    }
    BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      try {
        return new GZIPInputStream(in, BUFFER);
      } catch (EOFException e) {
        in.close();
        throw new DataFileException(file, "starts like a gzip file but ends inside its gzip "
            + "header: the file is truncated", e);
      } catch (IOException e) {
        in.close();
        throw new DataFileException(file, "starts like a gzip file but its gzip header is "
            + "damaged" + (e.getMessage() != null ? ": " + e.getMessage() : ""), e);
      }
    }
    return in;
  }

  /** Reads and checks the magic number and dimensions; returns the dimensions. */
  private static int[] readHeader(InputStream in, Path file, int expectedMagic)
      throws IOException {
    byte[] magicBytes = new byte[4];
    int got = readUpTo(in, file, magicBytes, 0, 4);
    int expectedRank = expectedMagic & 0xff;
    int headerLength = 4 + 4 * expectedRank;
    if (got < 4) {
      throw truncated(file, "the IDX header takes", headerLength, got, "are there");
    }
    int magic = bigEndian(magicBytes, 0);
    checkMagic(file, magic, expectedMagic);
    byte[] dimBytes = new byte[4 * expectedRank];
    got = readUpTo(in, file, dimBytes, 0, dimBytes.length);
    if (got < dimBytes.length) {
      throw truncated(file, "the IDX header takes", headerLength, 4 + got, "are there");
    }
    int[] dims = new int[expectedRank];
    long elements = 1;
    for (int d = 0; d < expectedRank; d++) {
      dims[d] = bigEndian(dimBytes, 4 * d);
      if (dims[d] < 0) {
        throw new DataFileException(file, "dimension " + d + " in the header is "
            + Integer.toUnsignedLong(dims[d]) + ", too large: the header is corrupt");
      }
      elements *= dims[d];
    }
    if (elements > Integer.MAX_VALUE) {
      throw new DataFileException(file, "the header declares " + elements + " elements, more "
          + "than one Java array holds (" + Integer.MAX_VALUE + "); read it with a limit");
    }
    return dims;
  }

  private static void checkMagic(Path file, int magic, int expected) throws DataFileException {
    int type = (magic >>> 8) & 0xff;
    boolean idxShaped = (magic >>> 16) == 0 && typeName(type) != null;
    if (idxShaped && type != UNSIGNED_BYTE) {
      throw new DataFileException(file, "holds IDX elements of type " + hex2(type) + " ("
          + typeName(type) + "), but only unsigned bytes (0x08) are supported for "
          + what(expected));
    }
    if (magic != expected) {
      String hint = idxShaped
          ? "; it is an IDX file of rank " + (magic & 0xff) + ", but " + what(expected)
              + " have rank " + (expected & 0xff) + " (images and labels files swapped?)"
          : "; this is not an uncompressed or gzipped IDX file";
      throw new DataFileException(file, "wrong magic number: expected " + hex8(expected) + " ("
          + what(expected) + ") but found " + hex8(magic) + hint);
    }
  }

  private static IdxImages readImageBody(InputStream in, Path file, int[] dims, int limit)
      throws IOException {
    int count = Math.min(dims[0], limit);
    int rows = dims[1];
    int columns = dims[2];
    int size = count * rows * columns;
    byte[] pixels = readAtMost(in, file, size);
    if (pixels.length < size) {
      throw truncated(file, describe(count, dims[0], "images of " + rows + " × " + columns
          + " pixels") + " take", size, pixels.length, "follow the header");
    }
    return new IdxImages(file, count, rows, columns, pixels);
  }

  private static int[] readLabelBody(InputStream in, Path file, int declared, int limit)
      throws IOException {
    int count = Math.min(declared, limit);
    byte[] bytes = readAtMost(in, file, count);
    if (bytes.length < count) {
      throw truncated(file, describe(count, declared, "labels") + " take", count, bytes.length,
          "follow the header");
    }
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = bytes[i] & 0xff;
    }
    return labels;
  }

  private static String describe(int count, int declared, String items) {
    return count == declared ? "the " + declared + " " + items + " declared in the header"
        : "the first " + count + " of the " + declared + " " + items;
  }

  private static DataFileException truncated(Path file, String what, long expected, long found,
      String where) {
    return new DataFileException(file, "file is truncated: " + what + " " + expected
        + " bytes, but only " + found + " " + where);
  }

  /**
   * Reads up to {@code len} bytes, stopping early only at the end of the data; a gzip stream that
   * ends before its trailer counts as ending there. Returns the number of bytes read.
   */
  private static int readUpTo(InputStream in, Path file, byte[] dst, int off, int len)
      throws IOException {
    return readUpTo(in, file, dst, off, len, 0);
  }

  /** As {@link #readUpTo(InputStream, Path, byte[], int, int)}, after {@code before} bytes read. */
  private static int readUpTo(InputStream in, Path file, byte[] dst, int off, int len,
      long before) throws IOException {
    int total = 0;
    try {
      while (total < len) {
        int n = in.read(dst, off + total, len - total);
        if (n < 0) {
          break;
        }
        total += n;
      }
    } catch (EOFException e) {
      return total;
    } catch (ZipException e) {
      throw new DataFileException(file, "gzip data is corrupt after " + (before + total)
          + " bytes of content" + (e.getMessage() != null ? ": " + e.getMessage() : ""), e);
    }
    return total;
  }

  /**
   * Reads up to {@code len} bytes and returns those read, in chunks that grow from 64 KiB as data
   * arrives: a header that declares gigabytes in a file of a few bytes costs a few bytes, not an
   * array of the declared size.
   */
  private static byte[] readAtMost(InputStream in, Path file, int len) throws IOException {
    List<byte[]> chunks = new ArrayList<>();
    int total = 0;
    int chunk = 1 << 16;
    while (total < len) {
      byte[] c = new byte[Math.min(chunk, len - total)];
      int got = readUpTo(in, file, c, 0, c.length, total);
      chunks.add(got == c.length ? c : Arrays.copyOf(c, got));
      total += got;
      if (got < c.length) {
        break;
      }
      chunk = Math.min(chunk * 2, 1 << 24);
    }
    if (chunks.size() == 1) {
      return chunks.get(0);
    }
    byte[] all = new byte[total];
    int at = 0;
    for (byte[] c : chunks) {
      System.arraycopy(c, 0, all, at, c.length);
      at += c.length;
    }
    return all;
  }

  private static int bigEndian(byte[] b, int off) {
    return (b[off] & 0xff) << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8
        | (b[off + 3] & 0xff);
  }

  private static String what(int magic) {
    return magic == IMAGES_MAGIC ? "images" : "labels";
  }

  private static String typeName(int type) {
    switch (type) {
      case 0x08: return "unsigned byte";
      case 0x09: return "signed byte";
      case 0x0B: return "16-bit integer";
      case 0x0C: return "32-bit integer";
      case 0x0D: return "32-bit float";
      case 0x0E: return "64-bit float";
      default: return null;
    }
  }

  private static String hex8(int value) {
    return String.format("0x%08X", value);
  }

  private static String hex2(int value) {
    return String.format("0x%02X", value);
  }
}
