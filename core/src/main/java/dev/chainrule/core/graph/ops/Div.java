package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.scalar.Scalar;

/** Elementwise quotient with broadcasting: d(a / b) = (g / b, −g ∘ (a / b) / b). */
public final class Div implements BinaryElementwise {
  /** The single instance; the operation has no attributes. */
  public static final Div INSTANCE = new Div();

  private Div() {}

  @Override
  public String name() {
    return "div";
  }

  @Override
  public Scalar form(Scalar a, Scalar b) {
    return a.div(b);
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node a = output.inputs().get(0);
    Node b = output.inputs().get(1);
    return input == 0 ? Unbroadcast.sumTo(upstream.div(b), a.shape())
        : Unbroadcast.sumTo(upstream.mul(output).div(b).neg(), b.shape());
  }

  @Override
  public Notation notation() {
    return Notation.infix("/", "/", Notation.MULTIPLICATIVE);
  }
}
