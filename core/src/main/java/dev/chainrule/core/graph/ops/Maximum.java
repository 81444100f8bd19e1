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
    return routed(output, upstream, input, true);
  }

  /**
   * Returns d max(a, b) = ta ∘ (1(a &gt; b) + ½·1(a = b)) + tb ∘ (1(b &gt; a) + ½·1(a = b)), one
   * term per input: the transpose of the gradient, ties split the same way.
   */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return selected(output, tangent, input, true);
  }

  /**
   * Returns the gradient of input {@code input} of an elementwise maximum ({@code larger}) or
   * minimum: {@link #selected} upstream, summed to that input's shape.
   */
  static Node routed(Node output, Node upstream, int input, boolean larger) {
    return Unbroadcast.sumTo(selected(output, upstream, input, larger),
        output.inputs().get(input).shape());
  }

  /**
   * Returns {@code value} where input {@code input} of an elementwise maximum ({@code larger}) or
   * minimum wins, ½·{@code value} where the two tie, 0 elsewhere, of the output's shape: the
   * gradient before it is summed back, and the tangent.
   */
  static Node selected(Node output, Node value, int input, boolean larger) {
    Node mine = output.inputs().get(input);
    Node other = output.inputs().get(1 - input);
    Node zero = output.graph().scalar(0.0);
    Node tied = mine.eq(other).where(value.mul(0.5), zero);
    Node wins = larger ? mine.gt(other) : mine.lt(other);
    return wins.where(value, tied);
  }

  @Override
  public Notation notation() {
    return Notation.function("max", "\\max");
  }
}
