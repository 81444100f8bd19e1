package dev.chainrule.onnx;

import dev.chainrule.nn.layers.Embedding;
import dev.chainrule.nn.layers.Layout;
import java.util.List;
import onnx.Onnx.TensorProto;

/**
 * The ONNX nodes of an embedding: the token ids, whole numbers held as float64 like every input,
 * cast to int64 and looked up in the table E with Gather — along axis 1 of E (D, V) in the column
 * layout, axis 0 of E (V, D) in the row layout — then laid out as chainrule's sequence of T·D
 * features per sample. ONNX's Gather also reads negative ids (counting from the end), which
 * chainrule refuses; ids out of [−V, V) are an error in both.
 */
final class EmbeddingNodes {
  private EmbeddingNodes() {}

  /** Appends {@code embedding} of the ids {@code input} and returns its output. */
  static String append(OnnxGraph graph, Embedding embedding, String input) {
    String n = embedding.name();
    String scope = n + "/";
    boolean column = embedding.layout() == Layout.COLUMN;
    int steps = embedding.inputSize();
    int d = embedding.dimensions();
    String ids = graph.node("Cast", scope + "Cast", "the token ids of " + input + " as int64",
        List.of(input), n + ".ids", OnnxGraph.intAttribute("to",
            TensorProto.DataType.INT64_VALUE));
    String table = graph.initializer(n + ".E", embedding.table());
    String out = n + ".out";
    if (column) {
      String looked = graph.node("Gather", scope + "Gather", "E[:, id] for every id, (D, T, m)",
          List.of(table, ids), n + ".E[:, ids]", OnnxGraph.intAttribute("axis", 1));
      String steps3 = graph.transpose(scope, looked, n + ".steps", "the steps first, (T, D, m)",
          1, 0, 2);
      return graph.reshape(scope, steps3, out, out + ", the sequence (T·D, m)", (long) steps * d,
          -1);
    }
    String looked = graph.node("Gather", scope + "Gather", "E[id, :] for every id, (m, T, D)",
        List.of(table, ids), n + ".E[ids, :]", OnnxGraph.intAttribute("axis", 0));
    return graph.reshape(scope, looked, out, out + ", the sequence (m, T·D)", -1,
        (long) steps * d);
  }
}
