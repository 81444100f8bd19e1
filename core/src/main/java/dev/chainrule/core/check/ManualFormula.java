package dev.chainrule.core.check;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A hand-derived formula for a gradient, to be compared with reverse mode: either a graph
 * expression built from the same graph's nodes (built lazily, so that a product whose dimensions do
 * not agree is reported rather than thrown), or a function computing a tensor from the values of
 * the graph's named nodes ("A[1]", "Y", "W[2]", …).
 */
public final class ManualFormula {
  private final String name;
  private final Supplier<Node> graph;
  private final Function<Map<String, Tensor>, Tensor> tensors;

  private ManualFormula(String name, Supplier<Node> graph,
      Function<Map<String, Tensor>, Tensor> tensors) {
    this.name = name;
    this.graph = graph;
    this.tensors = tensors;
  }

  /**
   * Returns a formula built from graph nodes when the comparison runs, e.g.
   * {@code ManualFormula.graph("dW[2] = (1/m)·dZ[2]·A[1]ᵀ",
   * () -> a2.sub(y).matmul(false, a1, true).div(m))}.
   */
  public static ManualFormula graph(String name, Supplier<Node> build) {
    return new ManualFormula(name, build, null);
  }

  /**
   * Returns a formula computed from the values of the graph's named nodes, e.g.
   * {@code v -> v.get("A[2]").sub(v.get("Y")).matmul(v.get("A[1]").transpose(1, 0))}; the map
   * throws naming the known names when asked for an unknown one.
   */
  public static ManualFormula tensors(String name, Function<Map<String, Tensor>, Tensor> f) {
    return new ManualFormula(name, null, f);
  }

  /** Returns the formula's name as shown in reports, usually the formula as written. */
  public String name() {
    return name;
  }

  /**
   * Returns true when the formula is built from graph nodes (and so can be printed and drawn),
   * false when it is a function on tensors.
   */
  public boolean isGraphExpression() {
    return graph != null;
  }

  Supplier<Node> graphBuilder() {
    return graph;
  }

  Function<Map<String, Tensor>, Tensor> tensorFunction() {
    return tensors;
  }
}
