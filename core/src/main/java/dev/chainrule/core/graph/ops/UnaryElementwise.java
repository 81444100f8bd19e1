package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.scalar.Scalar;
import dev.chainrule.core.tensor.Shape;
import java.util.List;

/**
 * An operation applied to each element of one input on its own; the output has the input's shape.
 * An implementation writes the scalar function once, as a {@link Scalar} form of its argument
 * ({@code x.tanh()}), and its derivative as graph operations.
 */
public interface UnaryElementwise extends Elementwise {
  /** Returns the function of one element {@code x}, e.g. {@code x.tanh()}. */
  Scalar form(Scalar x);

  /**
   * Returns the tangent of the output, which is {@link #vjp} applied to the tangent: the Jacobian
   * of an elementwise function of one input is diagonal, so it is its own transpose and the
   * vector-Jacobian and Jacobian-vector products are the same graph (for tanh, t ∘ (1 − tanh²)).
   */
  @Override
  default Node jvp(Node output, Node tangent, int input) {
    return vjp(output, tangent, input);
  }

  /** Returns {@link #form} of argument 0. */
  @Override
  default Scalar scalarForm() {
    return form(Scalar.argument(0));
  }

  @Override
  default Shape inferShape(List<Shape> inputs) {
    return inputs.get(0);
  }
}
