package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.FormulaWriter;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.scalar.Scalar;

/**
 * The absolute value: d|x| = g ∘ sign(x), with sign(0) = 0, written
 * g ∘ 1(x &gt; 0) − g ∘ 1(x &lt; 0) with each term selected rather than multiplied, so an
 * infinite g at x = 0 gives 0, not NaN.
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
  public Scalar form(Scalar x) {
    return x.abs();
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node x = output.inputs().get(0);
    Node zero = output.graph().scalar(0.0);
    return x.gt(zero).where(upstream, zero).sub(x.lt(zero).where(upstream, zero));
  }

  /** Writes |x|. */
  @Override
  public <F> F formula(FormulaWriter<F> w) {
    return w.abs(w.operand(0));
  }

  @Override
  public Notation notation() {
    return Notation.function("abs", "\\operatorname{abs}");
  }
}
