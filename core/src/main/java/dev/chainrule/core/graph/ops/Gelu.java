package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.scalar.Scalar;

/**
 * The Gaussian error linear unit in its tanh form (PyTorch's {@code approximate="tanh"}):
 * gelu(x) = ½x(1 + tanh u) with u = √(2/π)(x + 0.044715x³); its derivative is
 * d gelu = g ∘ (½(1 + tanh u) + ½x(1 − tanh² u)·√(2/π)(1 + 3·0.044715x²)).
 */
public final class Gelu implements UnaryElementwise {
  /** The single instance; the operation has no attributes. */
  public static final Gelu INSTANCE = new Gelu();

  /** √(2/π), the scale of the tanh's argument. */
  static final double SCALE = Math.sqrt(2 / Math.PI);
  /** The coefficient of the cubic term, 0.044715. */
  static final double CUBIC = 0.044715;

  private Gelu() {}

  @Override
  public String name() {
    return "gelu";
  }

  @Override
  public Scalar form(Scalar x) {
    Scalar u = x.add(x.mul(x).mul(x).mul(CUBIC)).mul(SCALE);
    return x.mul(0.5).mul(u.tanh().add(1.0));
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node x = output.inputs().get(0);
    Node t = x.add(x.pow(3).mul(CUBIC)).mul(SCALE).tanh();
    Node du = x.square().mul(3 * CUBIC).add(1.0).mul(SCALE);
    Node slope = t.add(1.0).mul(0.5).add(x.mul(0.5).mul(t.square().rsub(1.0)).mul(du));
    return upstream.mul(slope);
  }

  @Override
  public Notation notation() {
    return Notation.function("gelu", "\\operatorname{gelu}");
  }
}
