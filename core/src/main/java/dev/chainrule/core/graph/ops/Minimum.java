package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.scalar.Scalar;

/**
 * The elementwise minimum of two tensors with broadcasting; the gradient goes to the smaller
 * operand, split evenly on ties (as PyTorch does): d min(a, b) = (g ∘ (1(a &lt; b) + ½·1(a = b)),
 * g ∘ (1(b &lt; a) + ½·1(a = b))), each summed back to its operand's shape.
 */
public final class Minimum implements BinaryElementwise {
  /** The single instance; the operation has no attributes. */
  public static final Minimum INSTANCE = new Minimum();

  private Minimum() {}

  @Override
  public String name() {
    return "minimum";
  }

  @Override
  public Scalar form(Scalar a, Scalar b) {
    return a.min(b);
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    return Maximum.routed(output, upstream, input, false);
  }

  /**
   * Returns d min(a, b) = ta ∘ (1(a &lt; b) + ½·1(a = b)) + tb ∘ (1(b &lt; a) + ½·1(a = b)), one
   * term per input: the transpose of the gradient, ties split the same way.
   */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return Maximum.selected(output, tangent, input, false);
  }

  @Override
  public Notation notation() {
    return Notation.function("min", "\\min");
  }
}
