package dev.chainrule.onnx;

import dev.chainrule.core.tensor.Shape;
import dev.chainrule.nn.layers.Dropout;
import dev.chainrule.nn.layers.Flatten;
import dev.chainrule.nn.layers.Layout;
import java.util.List;

/**
 * The ONNX nodes of the layers that only move values: a network's view of its input rows as
 * images (Reshape), flattening images back into rows (Flatten, then a Transpose in the column
 * layout), and dropout, which is the identity in evaluation mode and is written as ONNX's Dropout
 * with its rate, the identity at inference (training_mode false).
 */
final class ShapeNodes {
  private ShapeNodes() {}

  /** Appends the view of the input rows {@code input} (m, c·h·w) as images; returns A[0]. */
  static String images(OnnxGraph graph, String input, Shape sample) {
    long[] dims = new long[sample.rank() + 1];
    dims[0] = -1;
    for (int i = 0; i < sample.rank(); i++) {
      dims[i + 1] = sample.dim(i);
    }
    return graph.reshape("input/", input, "A[0]", "A[0]: each row of " + input + " viewed as an "
        + "image " + sample, dims);
  }

  /** Appends {@code flatten} applied to images {@code input} and returns A[l]. */
  static String flatten(OnnxGraph graph, Flatten flatten, String input) {
    String scope = flatten.name() + "/";
    String a = "A[" + flatten.index() + "]";
    if (flatten.layout() == Layout.ROW) {
      return graph.node("Flatten", scope + "Flatten", a + ": each image of " + input + " as a "
          + "row, channel by channel, row by row", List.of(input), a,
          OnnxGraph.intAttribute("axis", 1));
    }
    String rows = graph.node("Flatten", scope + "Flatten", "each image of " + input + " as a "
        + "row", List.of(input), scope + "rows", OnnxGraph.intAttribute("axis", 1));
    return graph.transpose(scope, rows, a, a + ": one sample a column", 1, 0);
  }

  /** Appends {@code dropout}, the identity at inference, after {@code input}; returns A[l]. */
  static String dropout(OnnxGraph graph, Dropout dropout, String input) {
    String scope = dropout.name() + "/";
    String a = "A[" + dropout.index() + "]";
    String rate = graph.initializer(scope + "rate", new double[] {dropout.rate()});
    return graph.node("Dropout", scope + "Dropout", a + " = " + input + ": dropout of rate "
        + dropout.rate() + " is the identity in evaluation mode", List.of(input, rate), a);
  }
}
