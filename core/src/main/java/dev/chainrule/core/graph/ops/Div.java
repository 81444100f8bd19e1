package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Algebra;
import dev.chainrule.core.graph.FormulaWriter;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Rewrite;
import dev.chainrule.core.scalar.Scalar;

/** Elementwise quotient with broadcasting: d(a / b) = (g / b, −g ∘ (a / b) / b). */
public final class Div implements BinaryElementwise {
  /** The single instance; the operation has no attributes. */
  public static final Div INSTANCE = new Div();

  private Div() {}

  @Override
  public String name() {
    return "div";
  }

  @Override
  public Scalar form(Scalar a, Scalar b) {
    return a.div(b);
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node a = output.inputs().get(0);
    Node b = output.inputs().get(1);
    return input == 0 ? Unbroadcast.sumTo(upstream.div(b), a.shape())
        : Unbroadcast.sumTo(upstream.mul(output).div(b).neg(), b.shape());
  }

  /**
   * Returns d(a / b) = ta / b − tb ∘ (a / b) / b, one term per input, each of the output's shape
   * because b or the quotient broadcasts it.
   */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    Node b = output.inputs().get(1);
    return input == 0 ? tangent.div(b) : tangent.mul(output).div(b).neg();
  }

  /**
   * Returns the quotient's algebra: linear in the numerator, odd in the denominator, x/1 = x, and a
   * scalar divisor becomes a factor in front (x/c → (1/c)·x).
   */
  @Override
  public Algebra algebra() {
    return ALGEBRA;
  }

  private static final Algebra ALGEBRA = Algebra.NONE.withLinear(0).withOdd(1)
      .withPhrase("a quotient").withNeutral(1, 1.0, "x/1 → x")
      .withIdentity(Rewrite.Family.SCALAR_FACTORS, (op, in, c) -> {
        Node a = in.get(0);
        Node b = in.get(1);
        return b.isLiteral() && Terms.value(b) != 0 && !a.isLiteral()
            ? c.fired("x/c → (1/c)·x", c.apply(Mul.INSTANCE, c.literal(1.0 / Terms.value(b)), a))
            : null;
      });

  /** Writes a/b. */
  @Override
  public <F> F formula(FormulaWriter<F> w) {
    return w.quotient(w.operand(0), w.operand(1));
  }

  @Override
  public Notation notation() {
    return Notation.infix("/", "/", Notation.MULTIPLICATIVE);
  }
}
