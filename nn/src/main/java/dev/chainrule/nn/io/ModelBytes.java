package dev.chainrule.nn.io;

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
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;

/**
 * The byte layout shared by model files and checkpoints (docs/model-format.md): magic line,
 * version, header length, JSON header, float64 blocks and CRC-32. Writes atomically and reads
 * with every check, reporting problems as {@link ModelFileException}s naming the file.
 */
final class ModelBytes {
  private static final int PREFIX = 24;
  private static final int CHECKSUM = 4;

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
    long size = PREFIX + (long) json.length + 8 * header.valueCount() + CHECKSUM;
    if (size > Integer.MAX_VALUE) {
      throw new ModelFileException(file, "the " + header.valueCount() + " values need " + size
          + " bytes, more than one file of this format holds (2 GiB)");
    }
    ByteBuffer buf = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    buf.put(ModelFile.MAGIC.getBytes(StandardCharsets.US_ASCII)).putInt(ModelFile.VERSION)
        .putInt(json.length).put(json);
    for (Tensor t : blocks) {
      for (double v : t.buffer()) {
        buf.putDouble(v);
      }
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

  /** Reads and checks {@code file}: magic, version, lengths, checksum, header. */
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
   * Checks and decodes {@code bytes}, a file's whole contents: magic, version, lengths, checksum,
   * header; problems name {@code file}, where the bytes come from.
   */
  static Decoded decode(byte[] bytes, Path file) throws ModelFileException {
    if (bytes.length < ModelFile.MAGIC.length()
        || !Arrays.equals(Arrays.copyOf(bytes, ModelFile.MAGIC.length()),
            ModelFile.MAGIC.getBytes(StandardCharsets.US_ASCII))) {
      throw new ModelFileException(file, "not a chainrule model file: it does not start with the "
          + "line 'chainrule-model'");
    }
    if (bytes.length < PREFIX) {
      throw new ModelFileException(file, "truncated: " + bytes.length + " bytes, fewer than the "
          + PREFIX + "-byte prefix");
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int version = buf.getInt(ModelFile.MAGIC.length());
    if (version < 1 || version > ModelFile.VERSION) {
      throw new ModelFileException(file, "format version " + Integer.toUnsignedString(version)
          + " is not supported; this version of chainrule reads " + readable());
    }
    long headerLength = Integer.toUnsignedLong(buf.getInt(ModelFile.MAGIC.length() + 4));
    if (PREFIX + headerLength + CHECKSUM > bytes.length) {
      throw new ModelFileException(file, "truncated: the header declares " + headerLength
          + " bytes but the file has only " + bytes.length + " bytes in all");
    }
    String json = new String(bytes, PREFIX, (int) headerLength, StandardCharsets.UTF_8);
    ModelHeader header = ModelHeader.parse(json, version, file);
    long expected = PREFIX + headerLength + 8 * header.valueCount() + CHECKSUM;
    if (expected != bytes.length) {
      String buffers = header.state() == null ? "" : " with " + header.state().slots().size()
          + " optimizer buffers each";
      throw new ModelFileException(file, (bytes.length < expected ? "truncated" : "corrupt")
          + ": the header's " + header.names().size() + " parameters" + buffers + " ("
          + header.valueCount() + " float64 values) make " + expected + " bytes, but the file "
          + "has " + bytes.length);
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - CHECKSUM);
    int stored = buf.getInt(bytes.length - CHECKSUM);
    if (stored != (int) crc.getValue()) {
      throw new ModelFileException(file, String.format("corrupt: CRC-32 of the contents is %08x "
          + "but the file records %08x", crc.getValue(), stored));
    }
    buf.position(PREFIX + (int) headerLength);
    List<Tensor> blocks = new ArrayList<>();
    for (Shape shape : header.blockShapes()) {
      double[] values = new double[shape.size()];
      for (int k = 0; k < values.length; k++) {
        values[k] = buf.getDouble();
      }
      blocks.add(Tensor.wrap(shape, values));
    }
    return new Decoded(header, blocks);
  }
}
