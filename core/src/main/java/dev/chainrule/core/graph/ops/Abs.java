package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;

/**
 * The absolute value: d|x| = g ∘ sign(x), with sign(0) = 0, written g ∘ 1(x &gt; 0) − g ∘ 1(x &lt; 0)
 * with each term selected rather than multiplied, so an infinite g at x = 0 gives 0, not NaN.
 */
public final class Abs implements UnaryElementwise {
  /** The single instance; the operation has no attributes. */
  public static final Abs INSTANCE = new Abs();

  private Abs() {}

  @Override
  public String name() {
    return "abs";
  }

  @Override
  public double apply(double x) {
    return Math.abs(x);
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node x = output.inputs().get(0);
    Node zero = output.graph().scalar(0.0);
    return x.gt(zero).where(upstream, zero).sub(x.lt(zero).where(upstream, zero));
  }

  @Override
  public Notation notation() {
    return Notation.function("abs", "\\operatorname{abs}");
  }
}
