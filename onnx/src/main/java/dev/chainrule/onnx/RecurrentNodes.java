package dev.chainrule.onnx;

import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.layers.Recurrent;
import java.util.ArrayList;
import java.util.List;

/**
 * The ONNX nodes of a recurrent layer, unrolled over its T steps as chainrule unrolls it, with
 * the parameters stored as chainrule keeps them (PyTorch's gate order: LSTM i, f, g, o; GRU r, z,
 * n). ONNX Runtime 1.20 has no float64 kernel for ONNX's RNN, LSTM and GRU operators (RNN is
 * float32 only; LSTM and GRU refuse float64 when they run), so the file spells each step out with
 * MatMul, Add, Split, Sigmoid, Tanh and Mul ({@link CellNodes}), which ONNX Runtime runs in
 * float64. The input parts W_ih·x_t + b_ih of all steps are one MatMul; each step adds
 * W_hh·h + b_hh (b_hh alone at the first step, whose h is 0, so that a one-step layer's file
 * holds no W_hh) and applies the cell.
 */
final class RecurrentNodes {
  private RecurrentNodes() {}

  /** Appends {@code layer} applied to the sequence {@code input} and returns its output. */
  static String append(OnnxGraph graph, Recurrent layer, String input) {
    String n = layer.name();
    String scope = n + "/";
    boolean column = layer.layout() == Layout.COLUMN;
    int steps = layer.steps();
    int f = layer.inputFeatures();
    int h = layer.hiddenSize();
    List<Parameter> p = layer.parameters();
    String wih = graph.initializer(p.get(0).name(), p.get(0).value());
    String bih = graph.initializer(p.get(2).name(), p.get(2).value());
    String bhh = graph.initializer(p.get(3).name(), p.get(3).value());
    String x = column
        ? graph.reshape(scope, input, n + ".x", "the steps of " + input + ", (T, F, m)", steps,
            f, -1)
        : SequenceSteps.stepsFirst(graph, scope, input, Layout.ROW, steps, f, n + ".x");
    String products = graph.node("MatMul", scope + "MatMul W_ih", (column ? "W_ih·x_t"
        : "x_t·W_ih") + " for every step t", column ? List.of(wih, x) : List.of(x, wih),
        n + ".x·W_ih");
    String inputs = graph.node("Add", scope + "Add b_ih", "the input part of every step, "
        + (column ? "W_ih·x_t + b_ih" : "x_t·W_ih + b_ih"), List.of(products, bih),
        n + ".input parts");
    List<String> parts = new ArrayList<>();
    for (int t = 1; t <= steps; t++) {
      parts.add(n + ".input part " + t);
    }
    if (steps == 1) {
      parts.set(0, inputs);
    } else {
      graph.nodes("Split", scope + "Split", "the input part of each step", List.of(inputs),
          parts, OnnxGraph.intAttribute("axis", 0));
    }
    CellNodes cell = new CellNodes(graph, layer.cell(), column, h, n);
    List<String> states = new ArrayList<>();
    CellNodes.State state = null;
    String whh = steps > 1 ? graph.initializer(p.get(1).name(), p.get(1).value()) : null;
    for (int t = 1; t <= steps; t++) {
      String step = scope + "step " + t + "/";
      String hidden = bhh;
      if (state != null) {
        String product = graph.node("MatMul", step + "MatMul W_hh", column ? "W_hh·h" + (t - 1)
            : "h" + (t - 1) + "·W_hh", column ? List.of(whh, state.h()) : List.of(state.h(),
            whh), n + ".W_hh·h" + (t - 1));
        hidden = graph.node("Add", step + "Add b_hh", "the hidden part of step " + t,
            List.of(product, bhh), n + ".hidden part " + t);
      }
      state = cell.step(step, t, state, parts.get(t - 1), hidden);
      states.add(state.h());
    }
    return output(graph, layer, states);
  }

  /** Appends the layer's output, every hidden state as a sequence or the last, from the states. */
  private static String output(OnnxGraph graph, Recurrent layer, List<String> states) {
    String n = layer.name();
    String scope = n + "/";
    int h = layer.hiddenSize();
    int steps = layer.steps();
    boolean column = layer.layout() == Layout.COLUMN;
    if (layer.everyStep()) {
      String all = states.size() == 1 ? states.get(0) : graph.node("Concat", scope + "Concat",
          "every h_t", states, n + ".h_t", OnnxGraph.intAttribute("axis", 0));
      if (column) {
        return graph.reshape(scope, all, n + ".out", n + ".out, the steps joined, (T·H, m)",
            (long) steps * h, -1);
      }
      return SequenceSteps.joined(graph, scope, all, Layout.ROW, steps, h, n + ".out");
    }
    String state = states.get(steps - 1);
    return column
        ? graph.reshape(scope, state, n + ".out", n + ".out = h" + steps + ", the last hidden "
            + "state (H, m)", h, -1)
        : graph.reshape(scope, state, n + ".out", n + ".out = h" + steps + ", the last hidden "
            + "state (m, H)", -1, h);
  }
}
