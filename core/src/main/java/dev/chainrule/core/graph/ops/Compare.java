package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.FormulaWriter;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.scalar.Scalar;

/**
 * An elementwise comparison giving 1 where it holds and 0 elsewhere, with broadcasting: the masks
 * behind ReLU's derivative, 1(z &gt; 0). It is piecewise constant, so no gradient flows through it.
 *
 * @param relation which comparison
 */
public record Compare(Relation relation) implements BinaryElementwise {
  /** The comparisons available. */
  public enum Relation {
    /** a &gt; b. */
    GT(">", ">"),
    /** a ≥ b. */
    GE("≥", "\\geq"),
    /** a &lt; b. */
    LT("<", "<"),
    /** a ≤ b. */
    LE("≤", "\\leq"),
    /** a = b. */
    EQ("=", "=");

    private final String text;
    private final String latex;

    Relation(String text, String latex) {
      this.text = text;
      this.latex = latex;
    }

    Scalar of(Scalar a, Scalar b) {
      switch (this) {
        case GT: return a.gt(b);
        case GE: return a.ge(b);
        case LT: return a.lt(b);
        case LE: return a.le(b);
        default: return a.eq(b);
      }
    }
  }

  @Override
  public String name() {
    return relation.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public Scalar form(Scalar a, Scalar b) {
    return relation.of(a, b);
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    return null;
  }

  /** Returns null: a comparison is piecewise constant, so no tangent moves its 0/1 result. */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return null;
  }

  /** Returns false: a comparison is piecewise constant, so no gradient flows to its operands. */
  @Override
  public boolean differentiable(int input) {
    return false;
  }

  /** Writes the indicator 1(a &gt; b). */
  @Override
  public <F> F formula(FormulaWriter<F> w) {
    return w.indicator(w.operand(0), relation.text, w.operand(1));
  }

  @Override
  public Notation notation() {
    return Notation.infix(relation.text, relation.latex, 0);
  }

  @Override
  public String label() {
    return "1(a " + relation.text + " b)";
  }
}
