package dev.chainrule.onnx;

import dev.chainrule.nn.layers.Cell;
import java.util.ArrayList;
import java.util.List;

/**
 * One step of a recurrent cell in ONNX operators, the same operations in the same order as {@link
 * Cell#step}: the gates split from the pre-activations in chainrule's (PyTorch's) order, σ and
 * tanh, the products and sums. Values are (1, G·H, m) in the column layout and (1, m, G·H) in
 * the row layout, the gates along axis −2 or −1, so that the first step's hidden part, b_hh
 * ((G·H, 1) or (1, G·H)), splits along the same axis. At the first step, whose state is 0, the
 * terms of the state are left out, which is exact: chainrule's f ∘ 0 + i ∘ g is i ∘ g, and n +
 * z ∘ (0 − n) is n + z ∘ (−n).
 */
final class CellNodes {
  /**
   * The state after a step.
   *
   * @param h the hidden state's value name
   * @param c the LSTM's cell state's value name, or null
   */
  record State(String h, String c) {}

  private final OnnxGraph graph;
  private final Cell cell;
  private final long axis;
  private final int hidden;
  private final String layer;

  /**
   * Writes steps of {@code cell} of {@code hidden} units for the layer called {@code layer} into
   * {@code graph}, in the column layout or the row layout.
   */
  CellNodes(OnnxGraph graph, Cell cell, boolean column, int hidden, String layer) {
    this.graph = graph;
    this.cell = cell;
    this.axis = column ? -2 : -1;
    this.hidden = hidden;
    this.layer = layer;
  }

  /**
   * Appends step {@code t} in {@code scope} from {@code previous} (null at the first step) with
   * the step's input part and hidden part, and returns the new state.
   */
  State step(String scope, int t, State previous, String inputPart, String hiddenPart) {
    String h = layer + ".h" + t;
    switch (cell) {
      case RNN: {
        String pre = add(scope, inputPart, hiddenPart, layer + ".pre " + t);
        return new State(op("Tanh", scope, h + " = tanh(input part + hidden part)", h, pre),
            null);
      }
      case LSTM: {
        String pre = add(scope, inputPart, hiddenPart, layer + ".pre " + t);
        List<String> g = split(scope, pre, t, "i", "f", "g", "o");
        String i = op("Sigmoid", scope, "i = σ(·)", layer + ".i" + t, g.get(0));
        String f = op("Sigmoid", scope, "f = σ(·)", layer + ".f" + t, g.get(1));
        String gate = op("Tanh", scope, "g = tanh(·)", layer + ".g" + t, g.get(2));
        String o = op("Sigmoid", scope, "o = σ(·)", layer + ".o" + t, g.get(3));
        String ig = op("Mul", scope, "i ∘ g", layer + ".i∘g " + t, i, gate);
        String c = layer + ".c" + t;
        if (previous == null) {
          c = ig;
        } else {
          String fc = op("Mul", scope, "f ∘ c" + (t - 1), layer + ".f∘c " + t, f, previous.c());
          c = op("Add", scope, c + " = f ∘ c" + (t - 1) + " + i ∘ g", c, fc, ig);
        }
        String tanhC = op("Tanh", scope, "tanh(c" + t + ")", layer + ".tanh(c" + t + ")", c);
        return new State(op("Mul", scope, h + " = o ∘ tanh(c" + t + ")", h, o, tanhC), c);
      }
      default: {
        List<String> xs = split(scope, inputPart, t, "x_r", "x_z", "x_n");
        List<String> hs = split(scope, hiddenPart, t, "h_r", "h_z", "h_n");
        String r = op("Sigmoid", scope, "r = σ(x_r + h_r)", layer + ".r" + t,
            add(scope, xs.get(0), hs.get(0), layer + ".x_r + h_r " + t));
        String z = op("Sigmoid", scope, "z = σ(x_z + h_z)", layer + ".z" + t,
            add(scope, xs.get(1), hs.get(1), layer + ".x_z + h_z " + t));
        String rh = op("Mul", scope, "r ∘ h_n", layer + ".r∘h_n " + t, r, hs.get(2));
        String n = op("Tanh", scope, "n = tanh(x_n + r ∘ h_n)", layer + ".n" + t,
            add(scope, xs.get(2), rh, layer + ".x_n + r∘h_n " + t));
        String back = previous == null
            ? op("Neg", scope, "0 − n", layer + ".h0 − n " + t, n)
            : op("Sub", scope, "h" + (t - 1) + " − n", layer + ".h" + (t - 1) + " − n " + t,
                previous.h(), n);
        String scaled = op("Mul", scope, "z ∘ (h" + (t - 1) + " − n)", layer + ".z∘(h − n) "
            + t, z, back);
        return new State(op("Add", scope, h + " = n + z ∘ (h" + (t - 1) + " − n)", h, n,
            scaled), null);
      }
    }
  }

  private String add(String scope, String a, String b, String out) {
    return op("Add", scope, out.substring(layer.length() + 1), out, a, b);
  }

  /** Appends a node of {@code op} named after its output in {@code scope}; returns the output. */
  private String op(String op, String scope, String formula, String output, String... inputs) {
    return graph.node(op, scope + op + " " + output.substring(layer.length() + 1), formula,
        List.of(inputs), output);
  }

  private List<String> split(String scope, String value, int t, String... gates) {
    List<String> outs = new ArrayList<>();
    for (String g : gates) {
      outs.add(layer + "." + g + " pre " + t);
    }
    return graph.nodes("Split", scope + "Split " + value.substring(layer.length() + 1),
        "the gates " + String.join(", ", gates) + " of " + hidden + " units each, in chainrule's "
        + "order", List.of(value), outs, OnnxGraph.intAttribute("axis", axis));
  }
}
