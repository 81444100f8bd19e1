package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.scalar.Scalar;

/**
 * The softplus log(1 + eˣ), a smooth rectifier, computed without overflow as
 * max(x, 0) + log1p(e^−|x|); its derivative is the sigmoid: d softplus = g ∘ σ(x).
 */
public final class Softplus implements UnaryElementwise {
  /** The single instance; the operation has no attributes. */
  public static final Softplus INSTANCE = new Softplus();

  private Softplus() {}

  @Override
  public String name() {
    return "softplus";
  }

  /**
   * Returns max(x, 0) + log1p(e^−|x|): no exponential overflows, and small terms keep precision.
   */
  @Override
  public Scalar form(Scalar x) {
    return x.max(0.0).add(x.abs().neg().exp().log1p());
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    return upstream.mul(output.inputs().get(0).sigmoid());
  }

  @Override
  public Notation notation() {
    return Notation.function("softplus", "\\operatorname{softplus}");
  }
}
