package dev.chainrule.onnx;

import dev.chainrule.nn.layers.Dense;
import dev.chainrule.nn.layers.EveryStep;
import dev.chainrule.nn.layers.Layout;
import java.util.List;

/**
 * The ONNX nodes of a dense layer l: a MatMul and an Add (Z[l] = A[l−1]·W[l] + b[l] in the row
 * layout, W[l]·A[l−1] + b[l] in the column layout) followed by its activation's nodes, with W[l]
 * and b[l] as float64 initializers named as in chainrule. A dense layer on every step of a
 * sequence views the steps as a batch of their own first, as chainrule does.
 */
final class DenseNodes {
  private DenseNodes() {}

  /**
   * Appends {@code dense} applied to {@code input} and returns the layer's output, A[l] or Z[l].
   */
  static String dense(OnnxGraph graph, Dense dense, String input) {
    String scope = dense.name() + "/";
    int l = dense.index();
    String w = graph.initializer("W[" + l + "]", dense.weights());
    String b = graph.initializer("b[" + l + "]", dense.biases());
    boolean row = dense.layout() == Layout.ROW;
    String formula = row ? input + "·" + w : w + "·" + input;
    String product = graph.node("MatMul", scope + "MatMul", formula, row ? List.of(input, w)
        : List.of(w, input), formula);
    String z = "Z[" + l + "]";
    graph.node("Add", scope + "Add", z + " = " + formula + " + " + b, List.of(product, b), z);
    return ActivationNodes.append(graph, dense.activation(), dense.layout().featureAxis(), scope,
        z, "A[" + l + "]");
  }

  /**
   * Appends {@code layer}, its dense layer on each of T steps, to the sequence {@code input}
   * ((T·F, m) or (m, T·F)): the steps become a batch ((T, F, m) multiplied by W (U, F) in the
   * column layout, (m·T, F) by W (F, U) in the row layout), and the result a sequence again.
   */
  static String everyStep(OnnxGraph graph, EveryStep layer, String input) {
    Dense dense = layer.dense();
    String scope = dense.name() + "/";
    int l = dense.index();
    int steps = layer.steps();
    int f = dense.inputSize();
    int u = dense.outputSize();
    String w = graph.initializer("W[" + l + "]", dense.weights());
    String b = graph.initializer("b[" + l + "]", dense.biases());
    String z = "Z[" + l + "]";
    if (dense.layout() == Layout.COLUMN) {
      String steps3 = graph.reshape(scope, input, scope + "steps", "the " + steps + " steps of "
          + input + " side by side, (T, F, m)", steps, f, -1);
      String product = graph.node("MatMul", scope + "MatMul", w + "·x_t for every step t",
          List.of(w, steps3), scope + "W·x_t");
      String sum = graph.node("Add", scope + "Add", "W·x_t + " + b + " for every step t",
          List.of(product, b), scope + "W·x_t + b");
      graph.reshape(scope, sum, z, z + ": the steps joined again, (T·U, m)", (long) steps * u,
          -1);
    } else {
      String rows = graph.reshape(scope, input, scope + "steps", "every step of every sample a "
          + "row, (m·T, F)", -1, f);
      String product = graph.node("MatMul", scope + "MatMul", "x_t·" + w + " for every step t",
          List.of(rows, w), scope + "x_t·W");
      String sum = graph.node("Add", scope + "Add", "x_t·W + " + b + " for every step t",
          List.of(product, b), scope + "x_t·W + b");
      graph.reshape(scope, sum, z, z + ": the steps joined again, (m, T·U)", -1,
          (long) steps * u);
    }
    return ActivationNodes.append(graph, dense.activation(), dense.layout().featureAxis(), scope,
        z, "A[" + l + "]");
  }
}
