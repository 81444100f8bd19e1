package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.CreationSite;
import dev.chainrule.core.graph.FormulaWriter;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.scalar.Scalar;
import dev.chainrule.core.tensor.TensorFormat;

/**
 * Raises each element to a fixed scalar exponent: d xᵖ = g ∘ p·xᵖ⁻¹.
 *
 * @param exponent the power p
 */
public record Pow(double exponent) implements UnaryElementwise {
  /** Checks that the exponent is a finite number. */
  public Pow {
    if (!Double.isFinite(exponent)) {
      throw new IllegalArgumentException("pow: the exponent must be a finite number, got "
          + exponent + " (at " + CreationSite.here() + ")");
    }
  }

  @Override
  public String name() {
    return "pow";
  }

  /**
   * Returns x·x for the exponent 2 (exact, and what {@link Square} computes), else
   * {@link Math#pow}.
   */
  @Override
  public Scalar form(Scalar x) {
    return exponent == 2.0 ? x.square() : x.pow(exponent);
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node x = output.inputs().get(0);
    Node slope = exponent == 2.0 ? x.mul(2.0) : x.pow(exponent - 1.0).mul(exponent);
    return upstream.mul(slope);
  }

  /** Writes xᵖ. */
  @Override
  public <F> F formula(FormulaWriter<F> w) {
    return w.power(w.operand(0), w.number(exponent));
  }

  @Override
  public Notation notation() {
    String p = TensorFormat.number(exponent);
    return Notation.postfix("^" + p, "^{" + p + "}");
  }

  @Override
  public String label() {
    return "pow " + TensorFormat.number(exponent);
  }
}
