package dev.chainrule.nn.io;

import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.layers.Dense;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.model.Architecture;
import dev.chainrule.nn.model.Model;
import dev.chainrule.nn.model.Sequential;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Saves and loads a model's parameters, with its architecture when it has one, in the format of
 * docs/model-format.md: a 16-byte magic line, a version, a JSON header naming every parameter's
 * shape (and describing a {@link Sequential}), the values as little-endian float64 blocks, and a
 * CRC-32 of everything before it. Values round-trip bit for bit.
 *
 * <p>Saving is atomic: the bytes go to a temporary file in the target's directory, are forced to
 * disk, and the file is renamed over the target, so a crash never leaves a half-written model
 * under the target name. Loading checks the magic, version, length, checksum, and the names and
 * shapes against the model, and reports any problem as a {@link ModelFileException}.
 */
public final class ModelFile {
  /** The first 16 bytes of every model file: ASCII {@code chainrule-model} and a newline. */
  public static final String MAGIC = "chainrule-model\n";
  /** The format version this code writes and reads. */
  public static final int VERSION = 1;

  private static final int PREFIX = 24;
  private static final int CHECKSUM = 4;

  private ModelFile() {}

  /** Writes {@code model}'s parameters (and architecture, if any) to {@code file}, atomically. */
  public static void save(Model model, Path file) throws IOException {
    List<String> names = new ArrayList<>();
    List<Shape> shapes = new ArrayList<>();
    for (Parameter p : model.parameters()) {
      names.add(p.name());
      shapes.add(p.value().shape());
    }
    ModelHeader header = new ModelHeader(model.architecture().orElse(null), names, shapes);
    byte[] json = header.toJson().getBytes(StandardCharsets.UTF_8);
    long size = PREFIX + (long) json.length + 8 * header.valueCount() + CHECKSUM;
    if (size > Integer.MAX_VALUE) {
      throw new ModelFileException(file, "the model's " + header.valueCount() + " values need "
          + size + " bytes, more than one file of this format holds (2 GiB)");
    }
    ByteBuffer buf = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    buf.put(MAGIC.getBytes(StandardCharsets.US_ASCII)).putInt(VERSION).putInt(json.length)
        .put(json);
    for (Parameter p : model.parameters()) {
      for (double v : p.value().buffer()) {
        buf.putDouble(v);
      }
    }
    CRC32 crc = new CRC32();
    crc.update(buf.array(), 0, buf.position());
    buf.putInt((int) crc.getValue());
    AtomicFiles.write(file, out -> out.write(buf.array()));
  }

  /**
   * Reads a file written by {@link #save} and returns its contents: the architecture (absent for
   * a custom model) and fresh tensors for every parameter.
   */
  public static Contents read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length < MAGIC.length()
        || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length()),
            MAGIC.getBytes(StandardCharsets.US_ASCII))) {
      throw new ModelFileException(file, "not a chainrule model file: it does not start with the "
          + "line 'chainrule-model'");
    }
    if (bytes.length < PREFIX) {
      throw new ModelFileException(file, "truncated: " + bytes.length + " bytes, fewer than the "
          + PREFIX + "-byte prefix");
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int version = buf.getInt(MAGIC.length());
    if (version != VERSION) {
      throw new ModelFileException(file, "format version " + version + " is not supported; this "
          + "version of chainrule reads version " + VERSION);
    }
    long headerLength = Integer.toUnsignedLong(buf.getInt(MAGIC.length() + 4));
    if (PREFIX + headerLength + CHECKSUM > bytes.length) {
      throw new ModelFileException(file, "truncated: the header declares " + headerLength
          + " bytes but the file has only " + bytes.length + " bytes in all");
    }
    String json = new String(bytes, PREFIX, (int) headerLength, StandardCharsets.UTF_8);
    ModelHeader header = ModelHeader.parse(json, file);
    long expected = PREFIX + headerLength + 8 * header.valueCount() + CHECKSUM;
    if (expected != bytes.length) {
      throw new ModelFileException(file, (bytes.length < expected ? "truncated" : "corrupt")
          + ": the header's " + header.names().size() + " parameters (" + header.valueCount()
          + " float64 values) make " + expected + " bytes, but the file has " + bytes.length);
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - CHECKSUM);
    int stored = buf.getInt(bytes.length - CHECKSUM);
    if (stored != (int) crc.getValue()) {
      throw new ModelFileException(file, String.format("corrupt: CRC-32 of the contents is %08x "
          + "but the file records %08x", crc.getValue(), stored));
    }
    buf.position(PREFIX + (int) headerLength);
    List<Parameter> params = new ArrayList<>();
    for (int i = 0; i < header.names().size(); i++) {
      double[] values = new double[header.shapes().get(i).size()];
      for (int k = 0; k < values.length; k++) {
        values[k] = buf.getDouble();
      }
      params.add(new Parameter(header.names().get(i),
          Tensor.wrap(header.shapes().get(i), values)));
    }
    return new Contents(header.architecture(), params);
  }

  /** Loads a saved {@link Sequential}, rebuilding its layers around the saved parameters. */
  public static Sequential load(Path file) throws IOException {
    Contents c = read(file);
    Architecture a = c.architecture();
    if (a == null) {
      throw new ModelFileException(file, "the file holds the parameters of a custom model, with no "
          + "architecture to rebuild; build the model in code and call ModelFile.loadInto(model, "
          + "file)");
    }
    if (c.parameters().size() != 2 * a.layers().size()) {
      throw new ModelFileException(file, "the architecture has " + a.layers().size() + " layers, "
          + "which need " + 2 * a.layers().size() + " parameters, but the file holds "
          + c.parameters().size());
    }
    List<Dense> layers = new ArrayList<>();
    try {
      for (int l = 1; l <= a.layers().size(); l++) {
        Parameter w = c.parameters().get(2 * l - 2);
        Parameter b = c.parameters().get(2 * l - 1);
        if (!w.name().equals("W[" + l + "]") || !b.name().equals("b[" + l + "]")) {
          throw new IllegalArgumentException("layer " + l + " needs parameters W[" + l + "] and b["
              + l + "], found " + w.name() + " and " + b.name());
        }
        layers.add(new Dense(l, a.layout(), a.layers().get(l - 1).activation(), w.value(),
            b.value()));
      }
      Sequential s = Sequential.of(layers);
      if (!s.architecture().orElseThrow().equals(a)) {
        throw new IllegalArgumentException("the parameter shapes make a " + s.architecture()
            .orElseThrow().widths() + " model, but the header describes " + a.widths());
      }
      return s;
    } catch (IllegalArgumentException e) {
      throw new ModelFileException(file, "parameters do not fit the architecture: "
          + e.getMessage());
    }
  }

  /**
   * Copies the saved parameters into {@code model}'s live tensors (modified in place), after
   * checking that names and shapes match one to one, and that the architectures agree when both
   * the file and the model have one; on any mismatch nothing is modified.
   */
  public static void loadInto(Model model, Path file) throws IOException {
    Contents c = read(file);
    ParameterMatch.check(model, c, file);
    List<Parameter> target = model.parameters();
    for (int i = 0; i < target.size(); i++) {
      target.get(i).value().copyFromInPlace(c.parameters().get(i).value());
    }
  }

  /**
   * What a model file holds.
   *
   * @param architecture the saved architecture, or null for a custom model
   * @param parameters the saved parameters, in file order, as fresh tensors
   */
  public record Contents(Architecture architecture, List<Parameter> parameters) {}
}
