package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Op;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * An operation whose kernel is written once, as its {@link #prepare prepared} form (the
 * convolutions and pools, whose geometry and scratch space are worked out per shape): its plain
 * {@link #forward} prepares for the inputs at hand and runs that, so both give the same numbers.
 */
interface PreparedOp extends Op {
  @Override
  default void forward(Tensor[] inputs, Tensor out) {
    List<Shape> shapes = new ArrayList<>(inputs.length);
    for (Tensor t : inputs) {
      shapes.add(t.shape());
    }
    prepare(shapes, out.shape()).run(inputs, out);
  }
}
