package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.FormulaWriter;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.scalar.Scalar;

/** The square root: d √x = g / (2√x), reusing the forward value. */
public final class Sqrt implements UnaryElementwise {
  /** The single instance; the operation has no attributes. */
  public static final Sqrt INSTANCE = new Sqrt();

  private Sqrt() {}

  @Override
  public String name() {
    return "sqrt";
  }

  @Override
  public Scalar form(Scalar x) {
    return x.sqrt();
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    return upstream.div(output.mul(2.0));
  }

  /** Writes √x. */
  @Override
  public <F> F formula(FormulaWriter<F> w) {
    return w.sqrt(w.operand(0));
  }

  @Override
  public Notation notation() {
    return Notation.function("√", "\\sqrt");
  }
}
