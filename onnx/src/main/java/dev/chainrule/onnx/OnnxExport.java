package dev.chainrule.onnx;

import dev.chainrule.nn.io.AtomicFiles;
import dev.chainrule.nn.layers.Layer;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.model.Model;
import java.io.IOException;
import java.nio.file.Path;
import onnx.Onnx.ModelProto;
import onnx.Onnx.OperatorSetIdProto;
import onnx.Onnx.StringStringEntryProto;

/**
 * Writes a model as an ONNX file: the entry point of the export. A {@code Sequential}, a {@code
 * Network} (convolution, pooling, batch norm, dropout, flatten and dense layers) or a {@code
 * LayerStack} (embeddings, recurrent layers, layer norm, dense layers on every step) becomes one
 * ONNX graph computing what the model computes in evaluation mode, in the model's dtype (float64,
 * or FLOAT for a float32 model), with every node named after the chainrule layer it comes from;
 * the parameters are initializers of that dtype named
 * as in chainrule (W[1], b[1], γ[2], …); the input is {@value #INPUT}, a matrix whose sample axis
 * has the symbolic size m, so any batch size runs. Every operator is one ONNX Runtime runs in
 * float64 (docs/guide/11-onnx.md lists them). The file declares IR version {@value #IR_VERSION}
 * and operator set {@value #OPSET}.
 *
 * <pre>{@code
 * OnnxExport.of(ModelFile.load(Path.of("fashion.model"))).write(Path.of("fashion.onnx"));
 * }</pre>
 *
 * <p>A custom {@code Model} cannot be exported: its forward pass is arbitrary Java code.
 */
public final class OnnxExport {
  /** The ONNX operator set the file imports (the default domain, ai.onnx). */
  public static final int OPSET = 17;
  /** The ONNX IR version the file declares (that of ONNX 1.12 and later). */
  public static final long IR_VERSION = 8;
  /** The name of the model's input in the file. */
  public static final String INPUT = "X";
  /** The symbolic size of the sample axis of the input and the output. */
  public static final String SAMPLES = "m";

  private final ExportedModel model;
  private final String name;

  private OnnxExport(ExportedModel model, String name) {
    this.model = model;
    this.name = name;
  }

  /**
   * Returns an export of {@code model}'s current parameters (and running statistics).
   *
   * @throws IllegalArgumentException when the model is not a Sequential, a Network or a
   *     LayerStack, or holds a layer of a class the export does not write (the message names the
   *     layer and the classes it writes)
   */
  public static OnnxExport of(Model model) {
    ExportedModel m = ExportedModel.of(model);
    return new OnnxExport(m, "chainrule " + m.title());
  }

  /** Returns this export with the graph called {@code graphName} (Netron shows it as a title). */
  public OnnxExport named(String graphName) {
    if (graphName == null || graphName.isBlank()) {
      throw new IllegalArgumentException("an ONNX graph needs a non-empty name");
    }
    return new OnnxExport(model, graphName);
  }

  /**
   * Returns the model in a few words, as the file's description starts: "Sequential 784-256-10",
   * "Network (1, 28, 28) → 10" or "LayerStack".
   */
  public String title() {
    return model.title();
  }

  /**
   * Returns the name of the model's output in the file: A[L] (Z[L] for a linear output) for the
   * layers numbered by chainrule, the last layer's output name otherwise.
   */
  public String outputName() {
    return toProto().getGraph().getOutput(0).getName();
  }

  /** Returns the ONNX model message. */
  public ModelProto toProto() {
    Layout layout = model.layout();
    String description = model.description();
    OnnxGraph graph = new OnnxGraph(name, description, model.dtype());
    int samples = layout.sampleAxis();
    graph.input(INPUT, samples, SAMPLES, model.inputs(), "the features, "
        + (layout == Layout.ROW ? "one sample a row" : "one sample a column"));
    String a = model.images() == null ? INPUT : ShapeNodes.images(graph, INPUT, model.images());
    for (Layer layer : model.layers()) {
      a = LayerNodes.append(graph, layer, a);
    }
    Layer last = model.layers().get(model.layers().size() - 1);
    graph.output(a, samples, SAMPLES, model.outputs(), "the model's output, that of " + last);
    return ModelProto.newBuilder().setIrVersion(IR_VERSION).addOpsetImport(OperatorSetIdProto
        .newBuilder().setDomain("").setVersion(OPSET)).setProducerName("chainrule")
        .setDocString(description).addMetadataProps(entry("layout", layout.id()))
        .addMetadataProps(entry("architecture", model.architecture())).setGraph(graph.build())
        .build();
  }

  /** Returns the file's bytes. */
  public byte[] toBytes() {
    return toProto().toByteArray();
  }

  /**
   * Writes the file to {@code file}, atomically (a crash never leaves half a file there).
   *
   * @throws IOException when the file cannot be written
   */
  public void write(Path file) throws IOException {
    byte[] bytes = toBytes();
    AtomicFiles.write(file, out -> out.write(bytes));
  }

  private static StringStringEntryProto entry(String key, String value) {
    return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
  }
}
