package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Kernel;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.tensor.Broadcast;
import dev.chainrule.core.tensor.BroadcastLoop;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * An operation applied to corresponding elements of two inputs under NumPy's broadcasting rules.
 * Because an input may have been broadcast, its gradient is summed back to its own shape with
 * {@link Unbroadcast#sumTo} (this is where db = Σ dZ comes from).
 */
public interface BinaryElementwise extends Op, DoubleBinaryOperator {
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

  @Override
  default void forward(Tensor[] inputs, Tensor out) {
    Broadcast.into(inputs[0], inputs[1], out, this);
  }

  /** Prepares the broadcast walk once when neither operand is full-sized or a single number. */
  @Override
  default Kernel prepare(List<Shape> inputs, Shape output) {
    int n = output.size();
    int a = inputs.get(0).size();
    int b = inputs.get(1).size();
    if ((a == n || a == 1) && (b == n || b == 1)) {
      return this::forward;
    }
    BroadcastLoop loop = new BroadcastLoop(output, inputs.get(0), inputs.get(1));
    return (in, out) -> loop.apply(in[0].buffer(), in[1].buffer(), out.buffer(), this);
  }
}
