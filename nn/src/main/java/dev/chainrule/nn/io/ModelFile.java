package dev.chainrule.nn.io;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.layers.Dense;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.model.Architecture;
import dev.chainrule.nn.model.Model;
import dev.chainrule.nn.model.Sequential;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Saves and loads a model's parameters, with its architecture when it has one, in the format of
 * docs/model-format.md: a 16-byte magic line, a version, a JSON header naming every parameter's
 * shape (and describing a {@link Sequential}) and the model's dtype, the values as little-endian
 * float64 or float32 blocks (the model's dtype), and a CRC-32 of everything before it. Values
 * round-trip bit for bit. A file loads into a model of its own dtype; {@link #load(Path, DType)}
 * and {@link #loadIntoConverting} convert between float64 and float32 on request.
 *
 * <p>Saving is atomic: the bytes go to a temporary file in the target's directory, are forced to
 * disk, and the file is renamed over the target, so a crash never leaves a half-written model
 * under the target name. Loading checks the magic, version, length, checksum, and the names and
 * shapes against the model, and reports any problem as a {@link ModelFileException}.
 */
public final class ModelFile {
  /** The first 16 bytes of every model file: ASCII {@code chainrule-model} and a newline. */
  public static final String MAGIC = "chainrule-model\n";
  /**
   * The format version this code writes: 3, which records the dtype of the values (version 2
   * added a checkpoint's training state). It reads this version and every earlier one (files of
   * versions 1 and 2 hold float64 values; version 1 files are model files without state).
   */
  public static final int VERSION = 3;

  private ModelFile() {}

  /** Writes {@code model}'s parameters (and architecture, if any) to {@code file}, atomically. */
  public static void save(Model model, Path file) throws IOException {
    save(model, file, out -> out);
  }

  /**
   * Saves as {@link #save(Model, Path)} does, writing the bytes through {@code through} (applied
   * to the temporary file's stream); the test of a save killed half-way slows the writing down.
   */
  static void save(Model model, Path file, UnaryOperator<OutputStream> through)
      throws IOException {
    List<Tensor> blocks = new ArrayList<>();
    ModelBytes.write(file, header(model, null, blocks), blocks, through);
  }

  /**
   * Returns the bytes {@link #save} writes for {@code model}: a model file's whole contents, for
   * keeping or sending a model elsewhere than in a file (a database, a network message, the
   * executors of a cluster). {@link #load(byte[], Path)} and {@link #loadInto(Model, byte[],
   * Path)} read them back.
   *
   * @throws ModelFileException when the values do not fit one file of this format (2 GiB)
   */
  public static byte[] toBytes(Model model) throws ModelFileException {
    List<Tensor> blocks = new ArrayList<>();
    ModelHeader header = header(model, null, blocks);
    return ModelBytes.encode(Path.of(model.architecture().map(a -> a.widths() + " model")
        .orElse("custom model")), header, blocks);
  }

  /**
   * Returns the header of {@code model}'s parameters with training state {@code state} (null for
   * none), adding the parameter tensors to {@code blocks}.
   */
  static ModelHeader header(Model model, StateHeader state, List<Tensor> blocks) {
    List<String> names = new ArrayList<>();
    List<Shape> shapes = new ArrayList<>();
    for (Parameter p : model.parameters()) {
      names.add(p.name());
      shapes.add(p.value().shape());
      blocks.add(p.value());
    }
    List<String> bufferNames = new ArrayList<>();
    List<Shape> bufferShapes = new ArrayList<>();
    for (Parameter b : model.buffers()) {
      bufferNames.add(b.name());
      bufferShapes.add(b.value().shape());
      blocks.add(b.value());
    }
    return new ModelHeader(model.architecture().orElse(null), names, shapes, state, bufferNames,
        bufferShapes, model.dtype());
  }

  /**
   * Reads a file written by {@link #save} (or a checkpoint) and returns its contents: the
   * architecture (absent for a custom model) and fresh tensors for every parameter.
   */
  public static Contents read(Path file) throws IOException {
    return contents(ModelBytes.read(file));
  }

  /** Returns the model part of a decoded file. */
  static Contents contents(ModelBytes.Decoded d) {
    ModelHeader header = d.header();
    List<Parameter> params = new ArrayList<>();
    int n = header.names().size();
    for (int i = 0; i < n; i++) {
      params.add(new Parameter(header.names().get(i), d.blocks().get(i)));
    }
    List<Parameter> buffers = new ArrayList<>();
    for (int i = 0; i < header.bufferNames().size(); i++) {
      buffers.add(new Parameter(header.bufferNames().get(i), d.blocks().get(n + i)));
    }
    return new Contents(header.architecture(), params, buffers);
  }

  /**
   * Loads a saved {@link Sequential}, rebuilding its layers around the saved parameters, in the
   * file's dtype.
   */
  public static Sequential load(Path file) throws IOException {
    return sequential(read(file), file);
  }

  /**
   * Loads a saved {@link Sequential} as {@link #load(Path)} does, its parameters converted to
   * {@code dtype}: float64 values are rounded to the nearest float32 (ties to even, as Java's
   * {@code (float)} cast rounds; a value below float32's smallest subnormal becomes ±0), float32
   * values are widened exactly.
   *
   * @throws ModelFileException naming the file, the parameter and the value when a finite float64
   *     value lies beyond float32's range (±3.4e38) and would become infinite
   */
  public static Sequential load(Path file, DType dtype) throws IOException {
    return sequential(read(file).to(dtype, file), file);
  }

  /**
   * Loads a {@link Sequential} from a model file's whole contents ({@link #toBytes}), as {@link
   * #load(Path)} does; problems name {@code source}, where the bytes come from.
   */
  public static Sequential load(byte[] bytes, Path source) throws ModelFileException {
    return sequential(contents(ModelBytes.decode(bytes, source)), source);
  }

  private static Sequential sequential(Contents c, Path file) throws ModelFileException {
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
   * checking that names and shapes match one to one, that the dtypes agree (else see {@link
   * #loadIntoConverting}), and that the architectures agree when both the file and the model
   * have one; on any mismatch nothing is modified.
   */
  public static void loadInto(Model model, Path file) throws IOException {
    copyInto(model, read(file), file);
  }

  /**
   * Copies the parameters of a model file's whole contents ({@link #toBytes}) into {@code model}'s
   * live tensors, as {@link #loadInto(Model, Path)} does; problems name {@code source}, where the
   * bytes come from.
   */
  public static void loadInto(Model model, byte[] bytes, Path source) throws ModelFileException {
    copyInto(model, contents(ModelBytes.decode(bytes, source)), source);
  }

  /**
   * Copies the saved parameters into {@code model}'s live tensors as {@link #loadInto(Model,
   * Path)} does, converting them to the model's dtype first as {@link #load(Path, DType)} does:
   * a float64 file into a float32 model is rounded to the nearest floats.
   */
  public static void loadIntoConverting(Model model, Path file) throws IOException {
    copyInto(model, read(file).to(model.dtype(), file), file);
  }

  private static void copyInto(Model model, Contents c, Path file) throws ModelFileException {
    ParameterMatch.check(model, c, file);
    c.copyInto(model);
  }

  /**
   * What a model file holds.
   *
   * @param architecture the saved architecture, or null for a custom model
   * @param parameters the saved parameters, in file order, as fresh tensors
   * @param buffers the saved state tensors (running statistics, dropout draws), as fresh tensors
   */
  public record Contents(Architecture architecture, List<Parameter> parameters,
      List<Parameter> buffers) {
    /** Contents without state tensors. */
    public Contents(Architecture architecture, List<Parameter> parameters) {
      this(architecture, parameters, List.of());
    }

    /**
     * Returns these contents with every tensor in {@code dtype} (rounded to float32 or widened);
     * problems name {@code file}.
     *
     * @throws ModelFileException when a finite value would become infinite in float32
     */
    Contents to(DType dtype, Path file) throws ModelFileException {
      return new Contents(architecture, DTypeConversion.convert(parameters, dtype, file),
          DTypeConversion.convert(buffers, dtype, file));
    }

    /** Copies the parameters and state tensors into {@code model}'s live tensors, in place. */
    void copyInto(Model model) {
      copy(parameters, model.parameters());
      copy(buffers, model.buffers());
    }

    private static void copy(List<Parameter> from, List<Parameter> to) {
      for (int i = 0; i < to.size(); i++) {
        to.get(i).value().copyFromInPlace(from.get(i).value());
      }
    }
  }
}
