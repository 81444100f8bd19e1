package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Algebra;
import dev.chainrule.core.graph.FormulaWriter;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.Rewrite;
import dev.chainrule.core.scalar.Scalar;
import java.util.List;

/**
 * Elementwise addition with broadcasting; both inputs receive the upstream gradient, summed back
 * to their shapes.
 */
public final class Add implements BinaryElementwise {
  /** The single instance; the operation has no attributes. */
  public static final Add INSTANCE = new Add();

  private Add() {}

  @Override
  public String name() {
    return "add";
  }

  @Override
  public Scalar form(Scalar a, Scalar b) {
    return a.add(b);
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    return Unbroadcast.sumTo(upstream, output.inputs().get(input).shape());
  }

  /** Returns d(a + b) = ta + tb: each tangent, broadcast to the output's shape. */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return Elementwise.spreadTo(tangent, output);
  }

  /**
   * Returns x + 0 = 0 + x = x; negations become subtractions (x + (−y) → x − y, (−x) + y → y − x,
   * x + (−c)·y → x − c·y); a scaled term goes last (c·x + y → y + c·x, as in δ·aᵀ + λ·W); and
   * terms are collected (x + x → 2·x, A·x + B·x → (A + B)·x, Aᵀ + A → A + Aᵀ).
   */
  @Override
  public Algebra algebra() {
    return ALGEBRA;
  }

  private static final Algebra ALGEBRA = Algebra.NONE
      .withNeutral(1, 0.0, "x + 0 → x").withNeutral(0, 0.0, "0 + x → x")
      .withIdentity(Rewrite.Family.SIGNS, Add::signs)
      .withIdentity(Rewrite.Family.SCALAR_FACTORS, Add::scaledTermLast)
      .withIdentity(Rewrite.Family.COMMON_FACTORS, Add::collected);

  private static Node collected(Op op, List<Node> in, Rewrite.Context c) {
    Node a = in.get(0);
    Node b = in.get(1);
    if (a == b) {
      return c.fired("x + x → 2·x", c.apply(Mul.INSTANCE, c.literal(2), a));
    }
    if (c.is(a, Transpose.MATRIX) && Terms.arg(a, 0) == b) {
      return c.fired("Aᵀ + A → A + Aᵀ", c.apply(op, b, a));
    }
    return CommonOperand.collected(op, in, c);
  }

  private static Node signs(Op op, List<Node> in, Rewrite.Context c) {
    Node a = in.get(0);
    Node b = in.get(1);
    if (Terms.negation(b, c)) {
      return c.fired("x + (−y) → x − y", c.apply(Sub.INSTANCE, a, Terms.arg(b, 0)));
    }
    if (Terms.negation(a, c)) {
      return c.fired("(−x) + y → y − x", c.apply(Sub.INSTANCE, b, Terms.arg(a, 0)));
    }
    if (Terms.negativelyScaled(b, c)) {
      return c.fired("x + (−c)·y → x − c·y", c.apply(Sub.INSTANCE, a, Terms.flipped(b, c)));
    }
    if (Terms.negativelyScaled(a, c)) {
      return c.fired("(−c)·x + y → y − c·x", c.apply(Sub.INSTANCE, b, Terms.flipped(a, c)));
    }
    return null;
  }

  private static Node scaledTermLast(Op op, List<Node> in, Rewrite.Context c) {
    return Terms.scaled(in.get(0), c) && !Terms.scaled(in.get(1), c)
        ? c.fired("c·x + y → y + c·x", c.apply(op, in.get(1), in.get(0))) : null;
  }

  /** Writes a + b. */
  @Override
  public <F> F formula(FormulaWriter<F> w) {
    return w.sum(w.operand(0), w.operand(1));
  }

  @Override
  public Notation notation() {
    return Notation.infix("+", "+", Notation.ADDITIVE);
  }
}
