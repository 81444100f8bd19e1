package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.FormulaWriter;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.scalar.Scalar;

/** The elementwise square: d x² = g ∘ 2x. */
public final class Square implements UnaryElementwise {
  /** The single instance; the operation has no attributes. */
  public static final Square INSTANCE = new Square();

  private Square() {}

  @Override
  public String name() {
    return "square";
  }

  @Override
  public Scalar form(Scalar x) {
    return x.square();
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node x = output.inputs().get(0);
    return upstream.mul(x.mul(2.0));
  }

  /** Writes x². */
  @Override
  public <F> F formula(FormulaWriter<F> w) {
    return w.power(w.operand(0), w.text("2"));
  }

  @Override
  public Notation notation() {
    return Notation.postfix("²", "^2");
  }
}
