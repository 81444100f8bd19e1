package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.scalar.Scalar;

/**
 * The logistic sigmoid σ(x) = 1 / (1 + e^−x), computed without overflow: dσ = g ∘ σ(1 − σ), the
 * seeds' a(1 − a).
 */
public final class Sigmoid implements UnaryElementwise {
  /** The single instance; the operation has no attributes. */
  public static final Sigmoid INSTANCE = new Sigmoid();

  private Sigmoid() {}

  @Override
  public String name() {
    return "sigmoid";
  }

  /**
   * Returns 1 / (1 + e^−x) for x ≥ 0 and eˣ / (1 + eˣ) otherwise, both from e = e^−|x|, so no
   * exponential overflows and one suffices.
   */
  @Override
  public Scalar form(Scalar x) {
    Scalar e = x.abs().neg().exp();
    Scalar denominator = Scalar.constant(1.0).add(e);
    return x.ge(0.0).select(Scalar.constant(1.0).div(denominator), e.div(denominator));
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    return upstream.mul(output.mul(output.rsub(1.0)));
  }

  @Override
  public Notation notation() {
    return Notation.function("σ", "\\sigma");
  }
}
