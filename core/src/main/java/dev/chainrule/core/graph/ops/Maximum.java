package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.scalar.Scalar;

/**
 * The elementwise maximum of two tensors with broadcasting; the gradient goes to the larger
 * operand, split evenly on ties (as PyTorch does): d max(a, b) = (g ∘ (1(a &gt; b) + ½·1(a = b)),
 * g ∘ (1(b &gt; a) + ½·1(a = b))), each summed back to its operand's shape.
 */
public final class Maximum implements BinaryElementwise {
  /** The single instance; the operation has no attributes. */
  public static final Maximum INSTANCE = new Maximum();

  private Maximum() {}

  @Override
  public String name() {
    return "maximum";
  }

  @Override
  public Scalar form(Scalar a, Scalar b) {
    return a.max(b);
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node mine = output.inputs().get(input);
    Node other = output.inputs().get(1 - input);
    Node zero = output.graph().scalar(0.0);
    Node tied = mine.eq(other).where(upstream.mul(0.5), zero);
    return Unbroadcast.sumTo(mine.gt(other).where(upstream, tied), mine.shape());
  }

  @Override
  public Notation notation() {
    return Notation.function("max", "\\max");
  }
}
