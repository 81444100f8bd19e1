package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.scalar.Scalar;

/** Negation: d(−x) = −g. */
public final class Neg implements UnaryElementwise {
  /** The single instance; the operation has no attributes. */
  public static final Neg INSTANCE = new Neg();

  private Neg() {}

  @Override
  public String name() {
    return "neg";
  }

  @Override
  public Scalar form(Scalar x) {
    return x.neg();
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    return upstream.neg();
  }

  @Override
  public Notation notation() {
    return Notation.prefix("−", "-");
  }
}
