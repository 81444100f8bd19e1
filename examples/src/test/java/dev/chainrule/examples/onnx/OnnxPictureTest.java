package dev.chainrule.examples.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.export.ImageFormat;
import dev.chainrule.core.export.Renderer;
import dev.chainrule.examples.docs.DocsRegeneration;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.model.Sequential;
import dev.chainrule.onnx.OnnxExport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import onnx.Onnx.AttributeProto;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.ValueInfoProto;
import org.junit.jupiter.api.Test;

/**
 * Keeps the ONNX guide's picture in step with the exporter: the graph of the file export-onnx
 * writes for the fashion-mnist example's model (784-256-10, ReLU, softmax), drawn from the file's
 * own node list as Netron lays it out — one box per operator with its weights, arrows labelled
 * with the values' names. {@code -Dchainrule.docs.update=true} redraws it.
 */
class OnnxPictureTest {
  private static final Path DOT = Path.of("..", "docs", "images", "onnx", "fashion.dot");

  @Test
  void theGuidesPictureOfTheOnnxGraphIsUpToDate() throws Exception {
    Sequential model = Sequential.builder(Layout.ROW, 784).dense(256, Activation.relu())
        .dense(10, Activation.softmax()).seed(1).build();
    String dot = dot(OnnxExport.of(model).named("fashion.model").toProto());
    if (Boolean.getBoolean(DocsRegeneration.PROPERTY)) {
      Files.writeString(DOT, dot, StandardCharsets.UTF_8);
      assertTrue(Renderer.auto().write(dot, DOT.resolveSibling("fashion.svg"), ImageFormat.SVG)
          .rendered());
    }
    assertEquals(dot, Files.readString(DOT, StandardCharsets.UTF_8), DOT + " is out of date; "
        + "redraw it with -D" + DocsRegeneration.PROPERTY + "=true");
    assertTrue(Files.exists(DOT.resolveSibling("fashion.svg")));
  }

  /** Returns the DOT text of an ONNX graph: operators as boxes, weights inside them. */
  static String dot(ModelProto model) {
    GraphProto g = model.getGraph();
    Map<String, TensorProto> weights = new HashMap<>();
    g.getInitializerList().forEach(t -> weights.put(t.getName(), t));
    Map<String, String> producer = new HashMap<>();
    StringBuilder sb = new StringBuilder("// The graph of the ONNX file export-onnx writes for "
        + "the fashion-mnist example's model,\n// drawn from the file's node list by "
        + "OnnxPictureTest: the boxes and arrows Netron shows.\ndigraph onnx {\n"
        + "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11];\n"
        + "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];\n");
    for (ValueInfoProto in : g.getInputList()) {
      sb.append("  in [label=\"").append(in.getName()).append("\\n").append(type(in))
          .append("\", fillcolor=\"#e8eef7\"];\n");
      producer.put(in.getName(), "in");
    }
    for (int i = 0; i < g.getNodeCount(); i++) {
      NodeProto n = g.getNode(i);
      StringBuilder label = new StringBuilder("<<b>").append(n.getOpType()).append("</b>");
      for (String input : n.getInputList()) {
        TensorProto w = weights.get(input);
        if (w != null) {
          label.append("<br/><font point-size=\"9\">").append(html(input)).append(" 〈")
              .append(w.getDimsList().stream().map(String::valueOf).collect(Collectors
                  .joining("×"))).append("〉</font>");
        }
      }
      for (AttributeProto a : n.getAttributeList()) {
        label.append("<br/><font point-size=\"9\">").append(a.getName()).append(" = ")
            .append(a.getI()).append("</font>");
      }
      boolean activation = !n.getOpType().equals("MatMul") && !n.getOpType().equals("Add");
      sb.append("  op").append(i).append(" [label=").append(label).append(">, tooltip=\"")
          .append(n.getName()).append("\", fillcolor=\"").append(activation ? "#f3d3d3"
          : "#c8d9f0").append("\"];\n");
      for (String input : n.getInputList()) {
        if (producer.containsKey(input)) {
          sb.append("  ").append(producer.get(input)).append(" -> op").append(i)
              .append(" [label=\" ").append(input).append("\"];\n");
        }
      }
      producer.put(n.getOutput(0), "op" + i);
    }
    for (ValueInfoProto out : g.getOutputList()) {
      sb.append("  out [label=\"").append(out.getName()).append("\\n").append(type(out))
          .append("\", fillcolor=\"#e8eef7\"];\n  ").append(producer.get(out.getName()))
          .append(" -> out;\n");
    }
    return sb.append("}\n").toString();
  }

  private static String type(ValueInfoProto v) {
    return "double[" + v.getType().getTensorType().getShape().getDimList().stream()
        .map(d -> d.hasDimParam() ? d.getDimParam() : String.valueOf(d.getDimValue()))
        .collect(Collectors.joining(", ")) + "]";
  }

  private static String html(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
