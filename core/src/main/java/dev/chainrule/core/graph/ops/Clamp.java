package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.CreationSite;
import dev.chainrule.core.graph.FormulaWriter;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.scalar.Scalar;
import dev.chainrule.core.tensor.TensorFormat;

/**
 * Clamps every element into [lo, hi]: min(max(x, lo), hi). The gradient passes where
 * lo ≤ x ≤ hi and is 0 outside (as PyTorch's): d clamp = g ∘ 1(lo ≤ x ≤ hi). A bound may be
 * infinite, for a one-sided clamp.
 *
 * @param lo the lower bound, −∞ for none
 * @param hi the upper bound, +∞ for none; not below {@code lo}
 */
public record Clamp(double lo, double hi) implements UnaryElementwise {
  /** Checks that the bounds are numbers and that lo ≤ hi. */
  public Clamp {
    if (Double.isNaN(lo) || Double.isNaN(hi) || lo > hi) {
      throw new IllegalArgumentException("clamp: the bounds must satisfy lo ≤ hi, got lo = "
          + lo + " and hi = " + hi + " (at " + CreationSite.here() + ")");
    }
  }

  @Override
  public String name() {
    return "clamp";
  }

  @Override
  public Scalar form(Scalar x) {
    return x.max(lo).min(hi);
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node x = output.inputs().get(0);
    Node above = Double.isInfinite(lo) ? null : x.ge(x.graph().scalar(lo));
    Node below = Double.isInfinite(hi) ? null : x.le(x.graph().scalar(hi));
    Node inside = above == null ? below : below == null ? above : above.mul(below);
    return inside == null ? upstream : inside.where(upstream, x.graph().scalar(0.0));
  }

  /** Writes clamp(x, lo, hi), an infinite bound as ±∞. */
  @Override
  public <F> F formula(FormulaWriter<F> w) {
    return w.function("clamp", w.operand(0), bound(w, lo), bound(w, hi));
  }

  private static <F> F bound(FormulaWriter<F> w, double b) {
    return Double.isInfinite(b) ? w.text(b < 0 ? "−∞" : "∞") : w.number(b);
  }

  @Override
  public Notation notation() {
    return Notation.function("clamp", "\\operatorname{clamp}");
  }

  @Override
  public String label() {
    return "clamp [" + text(lo) + ", " + text(hi) + "]";
  }

  private static String text(double b) {
    return Double.isInfinite(b) ? (b < 0 ? "−∞" : "∞") : TensorFormat.number(b);
  }
}
