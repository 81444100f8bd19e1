package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Op;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/**
 * An operation applied to each element of one input on its own; the output has the input's shape.
 * An implementation gives the scalar function and its derivative as graph operations.
 */
public interface UnaryElementwise extends Op {
  /** Returns the function's value at {@code x}. */
  double apply(double x);

  @Override
  default Shape inferShape(List<Shape> inputs) {
    return inputs.get(0);
  }

  @Override
  default void forward(Tensor[] inputs, Tensor out) {
    double[] x = inputs[0].buffer();
    double[] o = out.buffer();
    for (int i = 0; i < o.length; i++) {
      o[i] = apply(x[i]);
    }
  }
}
