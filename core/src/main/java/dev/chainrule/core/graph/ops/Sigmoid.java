package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;

/**
 * The logistic sigmoid σ(x) = 1 / (1 + e^−x), computed without overflow: dσ = g ∘ σ(1 − σ), the
 * seeds' a(1 − a).
 */
public final class Sigmoid implements UnaryElementwise {
  /** The single instance; the operation has no attributes. */
  public static final Sigmoid INSTANCE = new Sigmoid();

  private Sigmoid() {}

  @Override
  public String name() {
    return "sigmoid";
  }

  @Override
  public double apply(double x) {
    return x >= 0 ? 1.0 / (1.0 + Math.exp(-x)) : Math.exp(x) / (1.0 + Math.exp(x));
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    return upstream.mul(output.mul(output.rsub(1.0)));
  }

  @Override
  public Notation notation() {
    return Notation.function("σ", "\\sigma");
  }
}
