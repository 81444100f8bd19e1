package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Algebra;
import dev.chainrule.core.graph.FormulaWriter;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Rewrite;
import dev.chainrule.core.scalar.Scalar;

/** Negation: d(−x) = −g. */
public final class Neg implements UnaryElementwise {
  /** The single instance; the operation has no attributes. */
  public static final Neg INSTANCE = new Neg();

  private Neg() {}

  @Override
  public String name() {
    return "neg";
  }

  @Override
  public Scalar form(Scalar x) {
    return x.neg();
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    return upstream.neg();
  }

  /** Returns −M. */
  @Override
  public Node jmp(Node output, Node columns, int input) {
    return columns.neg();
  }

  /** Adds up k terms when what it negates does (−Σ L/m). */
  @Override
  public boolean addsUp(Node output, double k) {
    Node x = output.inputs().get(0);
    return x.op() != null && x.op().addsUp(x, k);
  }

  /** Returns −(−x) = x, and −(c·x) → (−c)·x, the sign joining the factor. */
  @Override
  public Algebra algebra() {
    return ALGEBRA;
  }

  private static final Algebra ALGEBRA = Algebra.NONE
      .withIdentity(Rewrite.Family.NEUTRAL_ELEMENTS, (op, in, c) -> Terms.negation(in.get(0), c)
          ? c.fired("−(−x) → x", Terms.arg(in.get(0), 0)) : null)
      .withIdentity(Rewrite.Family.SCALAR_FACTORS, (op, in, c) -> Terms.scaled(in.get(0), c)
          ? c.fired("−(c·x) → (−c)·x", Terms.flipped(in.get(0), c)) : null);

  /** Writes −x. */
  @Override
  public <F> F formula(FormulaWriter<F> w) {
    return w.negation(w.operand(0));
  }

  @Override
  public Notation notation() {
    return Notation.prefix("−", "-");
  }
}
