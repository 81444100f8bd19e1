package dev.chainrule.examples.custom;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.print.Equations;
import dev.chainrule.core.print.FormulaPrinter;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.model.Forward;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code custom-model} says the model is, printed from graphs rather than written by hand:
 * the forward equations of a {@link SkipNet} built on an input X, and the local derivative the
 * user-written {@link Mish} builds for itself, as reverse mode returns it for mish(x).
 */
final class SkipNetFormulas {
  private SkipNetFormulas() {}

  /** Returns the forward equations of {@code net}, one per named node, the output last. */
  static List<String> forward(SkipNet net) {
    Graph g = new Graph();
    Forward f = net.forward(g.input("X", net.inputSize(), 1));
    return FormulaPrinter.unicode().equations(Equations.forward(f.output()));
  }

  /**
   * Returns y = mish(x) and its derivative as {@link Mish#vjp} builds it, dx = dy ∘ …, the
   * upstream gradient dy times mish′(x).
   */
  static String mishDerivative() {
    Graph g = new Graph();
    Node x = g.parameter("x", Tensor.zeros(1, 1));
    Node y = Mish.of(x).named("y");
    Node dx = Autodiff.grad(y.sum(), x).get(0);
    return FormulaPrinter.unicode().equations(List.of(y, dx)).stream()
        .collect(Collectors.joining(", "));
  }

  /** Returns the lines the command prints about the model. */
  static List<String> lines(SkipNet net) {
    List<String> lines = new ArrayList<>(List.of("SkipNet, printed from its graph:"));
    forward(net).forEach(e -> lines.add("  " + e));
    lines.add("mish, a user-written op, and the derivative it builds for itself:");
    lines.add("  " + mishDerivative());
    return lines;
  }
}
