package dev.chainrule.examples.onnx;

import dev.chainrule.cli.Flags;
import dev.chainrule.examples.cli.Json;
import dev.chainrule.cli.UsageException;
import dev.chainrule.examples.sequence.SequenceCommand;
import dev.chainrule.nn.data.IoMessages;
import dev.chainrule.nn.io.ModelFile;
import dev.chainrule.nn.io.ModelFileException;
import dev.chainrule.nn.model.Model;
import dev.chainrule.onnx.OnnxExport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Writes a saved model as an ONNX file that ONNX Runtime executes and Netron draws: a file of
 * {@code ModelFile.save} holding a {@code Sequential} (such as {@code fashion-mnist --save}
 * writes), or, with {@code --example}, the file the {@code cnn} or {@code sequence} example saved
 * (a {@code Network} or {@code LayerStack}, whose file holds parameters but no architecture, so
 * the example's code rebuilds the model). A missing, corrupt or custom-model file is bad input:
 * exit status 2 and one line saying what to do.
 */
@Command(name = "export-onnx", description = "Write a saved model as an ONNX file (opset "
    + OnnxExport.OPSET + ", float64) for ONNX Runtime, Netron and other tools.")
public final class ExportOnnxCommand implements Runnable {
  @Parameters(paramLabel = "<model file>", description = "A model saved by ModelFile.save or an "
      + "example's --save.")
  Path model;

  @Option(names = "--out", paramLabel = "FILE", required = true,
      description = "The ONNX file to write, e.g. model.onnx.")
  Path out;

  @Option(names = "--example", paramLabel = "NAME", description = "The example that saved the "
      + "file, cnn or sequence: its model is rebuilt in code and the file loaded into it.")
  String example;

  @Option(names = "--bits", paramLabel = "B", description = "With --example sequence: the digits "
      + "of the numbers it was trained on, its --bits.")
  Integer bits;

  @Option(names = "--reference", paramLabel = "FILE", description = "Also write "
      + ReferenceSamples.SAMPLES + " random inputs and chainrule's outputs for them as JSON, to "
      + "check ONNX Runtime against.")
  Path reference;

  @Option(names = "--json", description = "Print one JSON object instead of the report.")
  boolean json;

  /** Loads, exports and reports. */
  @Override
  public void run() {
    Model loaded = load();
    OnnxExport export = OnnxExport.of(loaded).named(model.getFileName().toString());
    Path file = out.toAbsolutePath().normalize();
    write(out, () -> export.write(file));
    Path samples = reference == null ? null : reference.toAbsolutePath().normalize();
    if (samples != null) {
      write(reference, () -> ReferenceSamples.write(ReferenceSamples.of(loaded, export), samples));
    }
    String described = loaded.architecture().map(a -> a.widths() + " model")
        .orElse("the " + example + " example's " + export.title());
    String shape = loaded.layout().id() + " layout, input " + OnnxExport.INPUT + " "
        + (loaded.layout().sampleAxis() == 0 ? "(m, " + loaded.inputSize() + ")"
        : "(" + loaded.inputSize() + ", m)") + ", output " + export.outputName();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", file.toString());
      m.put("architecture", loaded.architecture().map(a -> a.widths()).orElse(export.title()));
      m.put("example", example);
      m.put("opset", OnnxExport.OPSET);
      m.put("irVersion", OnnxExport.IR_VERSION);
      m.put("input", OnnxExport.INPUT);
      m.put("output", export.outputName());
      m.put("layout", loaded.layout().id());
      m.put("reference", samples == null ? null : samples.toString());
      Json.print(m, System.out);
      return;
    }
    System.out.println("wrote " + file + ": " + described + ", ONNX opset " + OnnxExport.OPSET
        + ", " + loaded.dtype() + ", " + shape);
    if (samples != null) {
      System.out.println("wrote " + samples + ": " + ReferenceSamples.SAMPLES + " random inputs "
          + "and chainrule's outputs for them");
    }
  }

  /** Writes the file the user named {@code file}, reporting a failure with that name. */
  private static void write(Path file, FileWriting writing) {
    try {
      writing.run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + IoMessages.reason(e, file),
          e);
    }
  }

  /** Writing one file. */
  private interface FileWriting {
    /** Writes the file. */
    void run() throws IOException;
  }

  /**
   * Returns the sequence example's digits: --bits, which it needs, since the file's parameters do
   * not say how long the sequences were (0 for the other examples).
   */
  private int digits() {
    if (!"sequence".equals(example)) {
      return 0;
    }
    if (bits == null) {
      throw new UsageException("--example sequence needs --bits, the digits of the numbers it was "
          + "trained on (its --bits, " + SequenceCommand.DEFAULT_BITS + " unless given): the "
          + "file's parameters do not say how long the sequences were");
    }
    Flags.atLeast("--bits", bits, 1);
    if (bits > SequenceCommand.MAX_BITS) {
      throw new UsageException("--bits must be at most " + SequenceCommand.MAX_BITS + ", got "
          + bits);
    }
    return bits;
  }

  private Model load() {
    if (bits != null && !"sequence".equals(example)) {
      throw new UsageException("--bits goes with --example sequence (the digits of the numbers "
          + "the sequence example added)");
    }
    if (!Files.isRegularFile(model)) {
      throw new UsageException("no model file at " + model + (Files.isDirectory(model)
          ? " (it is a directory)" : ""));
    }
    try {
      if (example != null) {
        return ExampleModels.rebuild(example, digits(), model);
      }
      if (ModelFile.read(model).architecture() == null) {
        throw new UsageException(model + " holds the parameters of a model without a saved "
            + "architecture (a Network, a LayerStack or a model of your own), which export-onnx "
            + "cannot rebuild from the file alone; for a file the cnn or sequence example saved, "
            + "add --example cnn, or --example sequence with the --bits it was trained with; for "
            + "your own model, export it from Java: ModelFile.loadInto(model, file), then "
            + "OnnxExport.of(model).write(path)");
      }
      return ModelFile.load(model);
    } catch (ModelFileException e) {
      throw new UsageException(e.getMessage());
    } catch (NoSuchFileException e) {
      throw new UsageException("no model file at " + model);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + model + ": " + IoMessages.reason(e, model),
          e);
    }
  }
}
