package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.CreationSite;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.scalar.Scalar;
import dev.chainrule.core.tensor.TensorFormat;

/**
 * The leaky rectifier of seed 004: x for x &gt; 0, α·x otherwise; d = g ∘ (1 if x &gt; 0 else α).
 *
 * @param alpha the slope α for x ≤ 0, typically 0.01
 */
public record LeakyRelu(double alpha) implements UnaryElementwise {
  /** Checks that the slope is a finite number. */
  public LeakyRelu {
    if (!Double.isFinite(alpha)) {
      throw new IllegalArgumentException("leaky_relu: the slope α must be a finite number, got "
          + alpha + " (at " + CreationSite.here() + ")");
    }
  }

  @Override
  public String name() {
    return "leaky_relu";
  }

  @Override
  public Scalar form(Scalar x) {
    return x.gt(0.0).select(x, x.mul(alpha));
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node x = output.inputs().get(0);
    return x.gt(0.0).where(upstream, upstream.mul(alpha));
  }

  @Override
  public Notation notation() {
    return Notation.function("leakyrelu", "\\operatorname{leakyrelu}");
  }

  @Override
  public String label() {
    return "leakyrelu α=" + TensorFormat.number(alpha);
  }
}
