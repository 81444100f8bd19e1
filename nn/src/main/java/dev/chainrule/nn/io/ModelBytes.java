package dev.chainrule.nn.io;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.IoMessages;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;

/**
 * The byte layout shared by model files and checkpoints (docs/model-format.md): magic line,
 * version, header length, JSON header, value blocks (float64 or float32, as the header says) and
 * CRC-32. Writes atomically and reads
 * with every check, reporting problems as {@link ModelFileException}s naming the file.
 */
final class ModelBytes {
  /** Bytes before the header: magic line, version, header length. */
  static final int PREFIX = 24;
  /** Bytes of the CRC-32 that ends every file. */
  static final int CHECKSUM = 4;

  private ModelBytes() {}

  /**
   * Writes {@code header} and {@code blocks} (one tensor per entry of {@link
   * ModelHeader#blockShapes}) to {@code file} atomically, through {@code through}.
   */
  static void write(Path file, ModelHeader header, List<Tensor> blocks,
      UnaryOperator<OutputStream> through) throws ModelFileException {
    byte[] bytes = encode(file, header, blocks);
    try {
      AtomicFiles.write(file, out -> {
        OutputStream o = through.apply(out);
        o.write(bytes);
        o.flush();
      });
    } catch (IOException e) {
      throw new ModelFileException(file, "cannot be written: " + IoMessages.reason(e, file), e);
    }
  }

  /**
   * Returns the whole contents of a file holding {@code header} and {@code blocks}; {@code file}
   * is named when the values do not fit the format.
   */
  static byte[] encode(Path file, ModelHeader header, List<Tensor> blocks)
      throws ModelFileException {
    byte[] json = header.toJson().getBytes(StandardCharsets.UTF_8);
    long size = PREFIX + (long) json.length + valueBytes(header) + CHECKSUM;
    if (size > Integer.MAX_VALUE) {
      throw new ModelFileException(file, "the " + header.valueCount() + " values need " + size
          + " bytes, more than one file of this format holds (2 GiB)");
    }
    ByteBuffer buf = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    buf.put(ModelFile.MAGIC.getBytes(StandardCharsets.US_ASCII)).putInt(ModelFile.VERSION)
        .putInt(json.length).put(json);
    for (Tensor t : blocks) {
      put(buf, t.to(header.dtype()));
    }
    CRC32 crc = new CRC32();
    crc.update(buf.array(), 0, buf.position());
    buf.putInt((int) crc.getValue());
    return buf.array();
  }

  /**
   * What a file holds: its header and a fresh tensor for every block.
   *
   * @param header the parsed header
   * @param blocks the value blocks in file order, shaped as {@link ModelHeader#blockShapes}
   */
  record Decoded(ModelHeader header, List<Tensor> blocks) {}

  /** Returns the versions this code reads in words, e.g. {@code versions 1 and 2}. */
  private static String readable() {
    StringBuilder sb = new StringBuilder("version").append(ModelFile.VERSION > 1 ? "s 1" : " 1");
    for (int v = 2; v <= ModelFile.VERSION; v++) {
      sb.append(v == ModelFile.VERSION ? " and " : ", ").append(v);
    }
    return sb.toString();
  }

  /**
   * Reads and checks {@code file}: magic, length, the CRC-32 of the whole file before anything in
   * it is believed, then the version, the header and the lengths it declares; nothing the header
   * declares is allocated before the file is known to hold it. A file whose CRC-32 does not match
   * is diagnosed by {@link ModelDamage} as truncated or corrupt.
   */
  static Decoded read(Path file) throws ModelFileException {
    try {
      return decode(Files.readAllBytes(file), file);
    } catch (ModelFileException e) {
      throw e;
    } catch (IOException e) {
      throw new ModelFileException(file, "cannot be read: " + IoMessages.reason(e, file), e);
    }
  }

  /**
   * Checks and decodes {@code bytes}, a file's whole contents, as {@link #read} does; problems
   * name {@code file}, where the bytes come from.
   */
  static Decoded decode(byte[] bytes, Path file) throws ModelFileException {
    ModelDamage.checkMagic(file, bytes);
    if (bytes.length < PREFIX + CHECKSUM) {
      throw new ModelFileException(file, "truncated: " + bytes.length + " bytes, fewer than the "
          + (PREFIX + CHECKSUM) + " of the prefix and the checksum alone");
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int version = buf.getInt(ModelFile.MAGIC.length());
    boolean known = version >= 1 && version <= ModelFile.VERSION;
    if (!crcMatches(bytes)) {
      throw ModelDamage.diagnose(file, bytes, known ? version : 0, crcMismatch(bytes));
    }
    if (!known) {
      throw new ModelFileException(file, "format version " + Integer.toUnsignedString(version)
          + " is not supported; this version of chainrule reads " + readable());
    }
    long headerLength = headerLength(bytes);
    if (PREFIX + headerLength + CHECKSUM > bytes.length) {
      throw new ModelFileException(file, "corrupt: the header length field says " + headerLength
          + " bytes, but the file has only " + bytes.length + " bytes in all");
    }
    ModelHeader header = ModelHeader.parse(header(bytes, headerLength), version, file);
    long expected = expectedLength(header, headerLength);
    if (expected != bytes.length) {
      throw new ModelFileException(file, "corrupt: " + ModelDamage.declares(header) + " make "
          + expected + " bytes, but the file has " + bytes.length);
    }
    buf.position(PREFIX + (int) headerLength);
    List<Tensor> blocks = new ArrayList<>();
    for (Shape shape : header.blockShapes()) {
      blocks.add(get(buf, shape, header.dtype()));
    }
    return new Decoded(header, blocks);
  }

  /** Writes {@code t}'s values, little-endian, in its dtype. */
  private static void put(ByteBuffer buf, Tensor t) {
    if (t.dtype() == DType.FLOAT32) {
      for (float v : t.floatBuffer()) {
        buf.putFloat(v);
      }
      return;
    }
    for (double v : t.buffer()) {
      buf.putDouble(v);
    }
  }

  /** Reads a fresh tensor of {@code shape} and {@code dtype} from {@code buf}. */
  private static Tensor get(ByteBuffer buf, Shape shape, DType dtype) {
    if (dtype == DType.FLOAT32) {
      float[] values = new float[shape.size()];
      for (int k = 0; k < values.length; k++) {
        values[k] = buf.getFloat();
      }
      return Tensor.wrapFloats(shape, values);
    }
    double[] values = new double[shape.size()];
    for (int k = 0; k < values.length; k++) {
      values[k] = buf.getDouble();
    }
    return Tensor.wrap(shape, values);
  }

  /** Returns the bytes of all value blocks {@code header} declares. */
  private static long valueBytes(ModelHeader header) {
    return (long) header.dtype().bytes() * header.valueCount();
  }

  /** Returns the header length field, unsigned. */
  static long headerLength(byte[] bytes) {
    return Integer.toUnsignedLong(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN)
        .getInt(ModelFile.MAGIC.length() + 4));
  }

  /** Returns the header's text, which must lie within the file. */
  static String header(byte[] bytes, long headerLength) {
    return new String(bytes, PREFIX, (int) headerLength, StandardCharsets.UTF_8);
  }

  /** Returns the length of the file {@code header} declares with its header length. */
  static long expectedLength(ModelHeader header, long headerLength) {
    return PREFIX + headerLength + valueBytes(header) + CHECKSUM;
  }

  /** Returns true when the last four bytes are the CRC-32 of all before them. */
  static boolean crcMatches(byte[] bytes) {
    return (int) crcOf(bytes) == stored(bytes);
  }

  private static long crcOf(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - CHECKSUM);
    return crc.getValue();
  }

  private static int stored(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(bytes.length - CHECKSUM);
  }

  /** Returns the words of a checksum mismatch. */
  private static String crcMismatch(byte[] bytes) {
    return String.format("corrupt: CRC-32 of the contents is %08x but the file records %08x",
        crcOf(bytes), stored(bytes));
  }
}
