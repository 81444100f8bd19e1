package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.scalar.Scalar;

/** The sine, in radians: d sin x = g ∘ cos x. */
public final class Sin implements UnaryElementwise {
  /** The single instance; the operation has no attributes. */
  public static final Sin INSTANCE = new Sin();

  private Sin() {}

  @Override
  public String name() {
    return "sin";
  }

  @Override
  public Scalar form(Scalar x) {
    return x.sin();
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    return upstream.mul(output.inputs().get(0).cos());
  }

  @Override
  public Notation notation() {
    return Notation.function("sin", "\\sin");
  }
}
