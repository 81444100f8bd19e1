package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Algebra;
import dev.chainrule.core.graph.FormulaWriter;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.Rewrite;
import dev.chainrule.core.scalar.Scalar;
import java.util.List;

/** Elementwise (Hadamard) product with broadcasting: d(a ∘ b) = (g ∘ b, g ∘ a). */
public final class Mul implements BinaryElementwise {
  /** The single instance; the operation has no attributes. */
  public static final Mul INSTANCE = new Mul();

  private Mul() {}

  @Override
  public String name() {
    return "mul";
  }

  @Override
  public Scalar form(Scalar a, Scalar b) {
    return a.mul(b);
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node other = output.inputs().get(1 - input);
    return Unbroadcast.sumTo(upstream.mul(other), output.inputs().get(input).shape());
  }

  /**
   * Returns d(a ∘ b) = ta ∘ b + a ∘ tb, one term per input, each of the output's shape because
   * the other operand broadcasts it.
   */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    List<Node> in = output.inputs();
    return input == 0 ? tangent.mul(in.get(1)) : in.get(0).mul(tangent);
  }

  /**
   * Returns the product's algebra: linear in each operand; x·1 = 1·x = x and x·(−1) = (−1)·x = −x;
   * a scalar factor goes in front (x·c → c·x) and factors multiply (c·(d·x) → (cd)·x).
   */
  @Override
  public Algebra algebra() {
    return ALGEBRA;
  }

  private static final Algebra ALGEBRA = Algebra.NONE.withLinear(0, 1).withPhrase("a product")
      .withNeutral(1, 1.0, "x·1 → x").withNeutral(0, 1.0, "1·x → x")
      .withNegating(1, -1.0, "x·(−1) → −x").withNegating(0, -1.0, "(−1)·x → −x")
      .withIdentity(Rewrite.Family.SCALAR_FACTORS, Mul::factorsFirst);

  private static Node factorsFirst(Op op, List<Node> in, Rewrite.Context c) {
    Node a = in.get(0);
    Node b = in.get(1);
    if (a.isLiteral() && b.isLiteral()) {
      return null;
    }
    if (b.isLiteral()) {
      return c.fired("x·c → c·x", c.apply(op, b, a));
    }
    if (a.isLiteral() && Terms.scaled(b, c)) {
      return c.fired("c·(d·x) → (cd)·x", c.apply(op,
          c.literal(Terms.value(a) * Terms.value(Terms.arg(b, 0))), Terms.arg(b, 1)));
    }
    return null;
  }

  /** Writes a ∘ b, or c·x for a scalar c. */
  @Override
  public <F> F formula(FormulaWriter<F> w) {
    return w.product(w.operand(0), w.operand(1));
  }

  @Override
  public Notation notation() {
    return Notation.infix("∘", "\\odot", Notation.MULTIPLICATIVE);
  }
}
