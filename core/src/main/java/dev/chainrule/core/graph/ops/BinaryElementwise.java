package dev.chainrule.core.graph.ops;

import dev.chainrule.core.scalar.Scalar;
import dev.chainrule.core.tensor.Shape;
import java.util.List;

/**
 * An operation applied to corresponding elements of two inputs under NumPy's broadcasting rules.
 * An implementation writes the scalar function once, as a {@link Scalar} form of its two arguments
 * ({@code a.add(b)}). Because an input may have been broadcast, its gradient is summed back to its
 * own shape with {@link Unbroadcast#sumTo} (this is where db = Σ dZ comes from).
 */
public interface BinaryElementwise extends Elementwise {
  /**
   * Returns the function of one element {@code a} of the first input and {@code b} of the second.
   */
  Scalar form(Scalar a, Scalar b);

  /** Returns {@link #form} of arguments 0 and 1. */
  @Override
  default Scalar scalarForm() {
    return form(Scalar.argument(0), Scalar.argument(1));
  }

  @Override
  default Shape inferShape(List<Shape> inputs) {
    return broadcastShape(inputs.get(0), inputs.get(1));
  }

  /** Returns the broadcast shape of two operands, or throws saying which dimensions clash. */
  static Shape broadcastShape(Shape a, Shape b) {
    Shape out = Shape.broadcastOrNull(a, b);
    if (out == null) {
      throw new IllegalArgumentException("shapes " + a + " and " + b + " do not broadcast: "
          + "aligned from the right, each pair of dimensions must be equal or contain a 1");
    }
    return out;
  }
}
