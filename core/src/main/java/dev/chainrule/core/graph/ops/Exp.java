package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.scalar.Scalar;

/** The exponential: d exp(x) = g ∘ exp(x), reusing the forward value. */
public final class Exp implements UnaryElementwise {
  /** The single instance; the operation has no attributes. */
  public static final Exp INSTANCE = new Exp();

  private Exp() {}

  @Override
  public String name() {
    return "exp";
  }

  @Override
  public Scalar form(Scalar x) {
    return x.exp();
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    return upstream.mul(output);
  }

  @Override
  public Notation notation() {
    return Notation.function("exp", "\\exp");
  }
}
