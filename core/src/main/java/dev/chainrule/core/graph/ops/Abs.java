package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.FormulaWriter;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.scalar.Scalar;

/** The absolute value: d|x| = g ∘ sign(x), with sign(0) = 0. */
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
    return upstream.mul(x.gt(0.0).sub(x.lt(0.0)));
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
