package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.scalar.Scalar;

/** The cosine, in radians: d cos x = −g ∘ sin x. */
public final class Cos implements UnaryElementwise {
  /** The single instance; the operation has no attributes. */
  public static final Cos INSTANCE = new Cos();

  private Cos() {}

  @Override
  public String name() {
    return "cos";
  }

  @Override
  public Scalar form(Scalar x) {
    return x.cos();
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    return upstream.mul(output.inputs().get(0).sin()).neg();
  }

  @Override
  public Notation notation() {
    return Notation.function("cos", "\\cos");
  }
}
