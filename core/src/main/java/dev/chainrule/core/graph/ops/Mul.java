package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import java.util.Arrays;
import java.util.List;

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
  public double applyAsDouble(double a, double b) {
    return a * b;
  }

  @Override
  public List<Node> vjp(Node output, Node upstream) {
    Node a = output.inputs().get(0);
    Node b = output.inputs().get(1);
    return Arrays.asList(Unbroadcast.sumTo(upstream.mul(b), a.shape()),
        Unbroadcast.sumTo(upstream.mul(a), b.shape()));
  }

  @Override
  public Notation notation() {
    return Notation.infix("∘", "\\odot", Notation.MULTIPLICATIVE);
  }
}
