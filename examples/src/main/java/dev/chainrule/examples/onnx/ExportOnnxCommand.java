package dev.chainrule.examples.onnx;

import dev.chainrule.examples.cli.Json;
import dev.chainrule.examples.cli.UsageException;
import dev.chainrule.nn.data.IoMessages;
import dev.chainrule.nn.io.ModelFile;
import dev.chainrule.nn.io.ModelFileException;
import dev.chainrule.nn.model.Sequential;
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
 * Writes a saved model (a file of {@code ModelFile.save}, such as {@code fashion-mnist --save}
 * writes) as an ONNX file that ONNX Runtime executes and Netron draws. A missing, corrupt or
 * custom-model file is bad input: exit status 2 and one line.
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

  @Option(names = "--reference", paramLabel = "FILE", description = "Also write "
      + ReferenceSamples.SAMPLES + " random inputs and chainrule's outputs for them as JSON, to "
      + "check ONNX Runtime against.")
  Path reference;

  @Option(names = "--json", description = "Print one JSON object instead of the report.")
  boolean json;

  /** Loads, exports and reports. */
  @Override
  public void run() {
    Sequential loaded = load();
    OnnxExport export = OnnxExport.of(loaded).named(model.getFileName().toString());
    Path file = out.toAbsolutePath().normalize();
    write(out, () -> export.write(file));
    Path samples = reference == null ? null : reference.toAbsolutePath().normalize();
    if (samples != null) {
      write(reference, () -> ReferenceSamples.write(ReferenceSamples.of(loaded, export), samples));
    }
    String shape = loaded.layout().id() + " layout, input " + OnnxExport.INPUT + " "
        + (loaded.layout().sampleAxis() == 0 ? "(m, " + loaded.inputSize() + ")"
        : "(" + loaded.inputSize() + ", m)") + ", output " + export.outputName();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", file.toString());
      m.put("architecture", loaded.architecture().orElseThrow().widths());
      m.put("opset", OnnxExport.OPSET);
      m.put("irVersion", OnnxExport.IR_VERSION);
      m.put("input", OnnxExport.INPUT);
      m.put("output", export.outputName());
      m.put("layout", loaded.layout().id());
      m.put("reference", samples == null ? null : samples.toString());
      Json.print(m, System.out);
      return;
    }
    System.out.println("wrote " + file + ": " + loaded.architecture().orElseThrow().widths()
        + " model, ONNX opset " + OnnxExport.OPSET + ", float64, " + shape);
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

  private Sequential load() {
    if (!Files.isRegularFile(model)) {
      throw new UsageException("no model file at " + model + (Files.isDirectory(model)
          ? " (it is a directory)" : ""));
    }
    try {
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
