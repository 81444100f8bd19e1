package dev.chainrule.core.graph.ops;

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
