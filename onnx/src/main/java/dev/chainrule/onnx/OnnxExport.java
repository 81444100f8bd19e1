package dev.chainrule.onnx;

import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.io.AtomicFiles;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.model.Architecture;
import dev.chainrule.nn.model.Model;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import onnx.Onnx.ModelProto;
import onnx.Onnx.OperatorSetIdProto;
import onnx.Onnx.StringStringEntryProto;

/**
 * Writes a model as an ONNX file: the entry point of the export. Each dense layer l becomes a
 * MatMul and an Add (Z[l] = A[l−1]·W[l] + b[l] in the row layout, W[l]·A[l−1] + b[l] in the column
 * layout) followed by its activation's nodes; the parameters are float64 initializers named as in
 * chainrule (W[1], b[1], …); the input is {@value #INPUT}, a matrix whose sample axis has the
 * symbolic size m, so any batch size runs. The file declares IR version {@value #IR_VERSION} and
 * operator set {@value #OPSET}.
 *
 * <pre>{@code
 * OnnxExport.of(ModelFile.load(Path.of("fashion.model"))).write(Path.of("fashion.onnx"));
 * }</pre>
 *
 * <p>Only models that describe their layers ({@link Model#architecture()}: a {@code Sequential})
 * can be exported; a custom model's forward pass is arbitrary Java code.
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

  private final Architecture architecture;
  private final List<Parameter> parameters;
  private final String name;

  private OnnxExport(Architecture architecture, List<Parameter> parameters, String name) {
    this.architecture = architecture;
    this.parameters = parameters;
    this.name = name;
  }

  /**
   * Returns an export of {@code model}'s current parameters.
   *
   * @throws IllegalArgumentException when the model describes no architecture (a custom model),
   *     or its parameters are not W[l], b[l] per layer
   */
  public static OnnxExport of(Model model) {
    Architecture a = model.architecture().orElseThrow(() -> new IllegalArgumentException(
        "cannot export " + model.getClass().getSimpleName() + " to ONNX: it describes no "
            + "architecture (Model.architecture() is empty), so its forward pass is Java code the "
            + "export cannot read; export a Sequential model"));
    List<Parameter> ps = List.copyOf(model.parameters());
    for (int l = 1; l <= a.layers().size(); l++) {
      String w = "W[" + l + "]";
      String b = "b[" + l + "]";
      if (ps.size() < 2 * l || !ps.get(2 * l - 2).name().equals(w)
          || !ps.get(2 * l - 1).name().equals(b)) {
        throw new IllegalArgumentException("cannot export the " + a.widths() + " model to ONNX: "
            + "layer " + l + " needs parameters " + w + " and " + b + " in that order, the model "
            + "has " + ps.stream().map(Parameter::name).toList());
      }
    }
    return new OnnxExport(a, ps, "chainrule " + a.widths());
  }

  /** Returns this export with the graph called {@code graphName} (Netron shows it as a title). */
  public OnnxExport named(String graphName) {
    if (graphName == null || graphName.isBlank()) {
      throw new IllegalArgumentException("an ONNX graph needs a non-empty name");
    }
    return new OnnxExport(architecture, parameters, graphName);
  }

  /** Returns the name of the model's output in the file: A[L], or Z[L] for a linear output. */
  public String outputName() {
    int last = architecture.layers().size();
    boolean linear = architecture.layers().get(last - 1).activation().kind()
        == Activation.Kind.IDENTITY;
    return (linear ? "Z[" : "A[") + last + "]";
  }

  /** Returns the ONNX model message. */
  public ModelProto toProto() {
    Layout layout = architecture.layout();
    OnnxGraph graph = new OnnxGraph(name, description());
    int samples = layout.sampleAxis();
    graph.input(INPUT, samples, SAMPLES, architecture.inputs(), "the features, "
        + (layout == Layout.ROW ? "one sample a row" : "one sample a column"));
    String a = INPUT;
    for (int l = 1; l <= architecture.layers().size(); l++) {
      a = dense(graph, l, a);
    }
    int outputs = architecture.layers().get(architecture.layers().size() - 1).units();
    graph.output(a, samples, SAMPLES, outputs, "the model's output, " + architecture.layers()
        .get(architecture.layers().size() - 1).activation().id());
    return ModelProto.newBuilder().setIrVersion(IR_VERSION).addOpsetImport(OperatorSetIdProto
        .newBuilder().setDomain("").setVersion(OPSET)).setProducerName("chainrule")
        .setDocString(description()).addMetadataProps(entry("layout", layout.id()))
        .addMetadataProps(entry("architecture", architecture.widths())).setGraph(graph.build())
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

  private String dense(OnnxGraph graph, int l, String input) {
    Layout layout = architecture.layout();
    String scope = "layer" + l + "/";
    String w = graph.initializer("W[" + l + "]", parameter(2 * l - 2));
    String b = graph.initializer("b[" + l + "]", parameter(2 * l - 1));
    boolean row = layout == Layout.ROW;
    String formula = row ? input + "·" + w : w + "·" + input;
    String product = graph.node("MatMul", scope + "MatMul", formula, row ? List.of(input, w)
        : List.of(w, input), formula);
    String z = "Z[" + l + "]";
    graph.node("Add", scope + "Add", z + " = " + formula + " + " + b, List.of(product, b), z);
    return ActivationNodes.append(graph, architecture.layers().get(l - 1).activation(), layout, l,
        z, "A[" + l + "]");
  }

  private Tensor parameter(int i) {
    return parameters.get(i).value();
  }

  private String description() {
    Layout layout = architecture.layout();
    return "Sequential " + architecture.widths() + " exported by chainrule, " + layout.id()
        + " layout: " + INPUT + " is " + (layout == Layout.ROW ? "(m, " + architecture.inputs()
        + "), one sample a row" : "(" + architecture.inputs() + ", m), one sample a column")
        + "; float64";
  }

  private static StringStringEntryProto entry(String key, String value) {
    return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
  }
}
