package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.scalar.Scalar;

/** Elementwise (Hadamard) product with broadcasting: d(a ∘ b) = (g ∘ b, g ∘ a). */
public final class Mul implements BinaryElementwise {
  /** The single instance; the operation has no attributes. */
  public static final Mul INSTANCE = new Mul();

  private Mul() {}

  @Override
  public String name() {
    return "mul";
  }

  @Override
  public Scalar form(Scalar a, Scalar b) {
    return a.mul(b);
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node other = output.inputs().get(1 - input);
    return Unbroadcast.sumTo(upstream.mul(other), output.inputs().get(input).shape());
  }

  @Override
  public Notation notation() {
    return Notation.infix("∘", "\\odot", Notation.MULTIPLICATIVE);
  }
}
