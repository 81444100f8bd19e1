package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.scalar.Scalar;

/**
 * The rectifier max(0, x): d relu = g ∘ 1(x &gt; 0), with derivative 0 at x = 0. The derivative
 * selects g where x &gt; 0 and 0 elsewhere rather than multiplying by the mask, so an infinite g
 * where relu is flat (as in √relu(x) at x ≤ 0) gives 0, not ∞·0 = NaN.
 */
public final class Relu implements UnaryElementwise {
  /** The single instance; the operation has no attributes. */
  public static final Relu INSTANCE = new Relu();

  private Relu() {}

  @Override
  public String name() {
    return "relu";
  }

  /**
   * Returns x for x &gt; 0, NaN for NaN, else 0: a NaN passes through, as in PyTorch and as leaky
   * ReLU does, rather than vanishing into a 0 that would hide it from the loss. Computed as
   * max(x, 0) so that no branch depends on the sign: half the elements of a layer are negative,
   * and a mispredicted branch costs more than the rest of the loop.
   */
  @Override
  public Scalar form(Scalar x) {
    return x.max(0.0);
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node x = output.inputs().get(0);
    Node zero = output.graph().scalar(0.0);
    return x.gt(zero).where(upstream, zero);
  }

  @Override
  public Notation notation() {
    return Notation.function("relu", "\\operatorname{relu}");
  }
}
