package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Algebra;
import dev.chainrule.core.graph.FormulaWriter;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.Rewrite;
import dev.chainrule.core.scalar.Scalar;
import java.util.List;

/** Elementwise subtraction with broadcasting: d(a − b) = (g, −g). */
public final class Sub implements BinaryElementwise {
  /** The single instance; the operation has no attributes. */
  public static final Sub INSTANCE = new Sub();

  private Sub() {}

  @Override
  public String name() {
    return "sub";
  }

  @Override
  public Scalar form(Scalar a, Scalar b) {
    return a.sub(b);
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node part = input == 0 ? upstream : upstream.neg();
    return Unbroadcast.sumTo(part, output.inputs().get(input).shape());
  }

  /** Returns d(a − b) = ta − tb: ta, or −tb, broadcast to the output's shape. */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return Elementwise.spreadTo(input == 0 ? tangent : tangent.neg(), output);
  }

  /**
   * Returns x − 0 = x and 0 − x = −x; negations cancel or move out (x − (−y) → x + y,
   * (−x) − y → −(x + y), x − (−c)·y → x + c·y); and a shared operand is taken out of a
   * difference of products (A·x − B·x → (A − B)·x).
   */
  @Override
  public Algebra algebra() {
    return ALGEBRA;
  }

  private static final Algebra ALGEBRA = Algebra.NONE
      .withNeutral(1, 0.0, "x − 0 → x").withNegating(0, 0.0, "0 − x → −x")
      .withIdentity(Rewrite.Family.SIGNS, Sub::signs)
      .withIdentity(Rewrite.Family.COMMON_FACTORS, CommonOperand::collected);

  private static Node signs(Op op, List<Node> in, Rewrite.Context c) {
    Node a = in.get(0);
    Node b = in.get(1);
    if (Terms.negation(b, c)) {
      return c.fired("x − (−y) → x + y", c.apply(Add.INSTANCE, a, Terms.arg(b, 0)));
    }
    if (Terms.negation(a, c)) {
      return c.fired("(−x) − y → −(x + y)",
          c.apply(Neg.INSTANCE, c.apply(Add.INSTANCE, Terms.arg(a, 0), b)));
    }
    if (Terms.negativelyScaled(b, c)) {
      return c.fired("x − (−c)·y → x + c·y", c.apply(Add.INSTANCE, a, Terms.flipped(b, c)));
    }
    return null;
  }

  /** Writes a − b. */
  @Override
  public <F> F formula(FormulaWriter<F> w) {
    return w.difference(w.operand(0), w.operand(1));
  }

  @Override
  public Notation notation() {
    return Notation.infix("−", "-", Notation.ADDITIVE);
  }
}
