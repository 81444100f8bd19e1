package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.scalar.Scalar;

/** The hyperbolic tangent: d tanh = g ∘ (1 − tanh²), the seeds' 1 − A². */
public final class Tanh implements UnaryElementwise {
  /** The single instance; the operation has no attributes. */
  public static final Tanh INSTANCE = new Tanh();

  private Tanh() {}

  @Override
  public String name() {
    return "tanh";
  }

  @Override
  public Scalar form(Scalar x) {
    return x.tanh();
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    return upstream.mul(output.square().rsub(1.0));
  }

  @Override
  public Notation notation() {
    return Notation.function("tanh", "\\tanh");
  }
}
