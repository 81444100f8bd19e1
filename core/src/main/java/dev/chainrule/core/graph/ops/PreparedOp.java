package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Kernel;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * An operation whose kernel is written once, as its {@link #prepare(List, Shape, DType) prepared}
 * form for either dtype (the convolutions and pools, whose geometry and scratch space are worked
 * out per shape and whose loops run on {@code double[]} or {@code float[]}): its plain {@link
 * #forward} prepares for the inputs and dtype at hand and runs that, so both give the same
 * numbers, and it {@link #supports} float64 and float32.
 */
interface PreparedOp extends Op {
  @Override
  default void forward(Tensor[] inputs, Tensor out) {
    List<Shape> shapes = new ArrayList<>(inputs.length);
    for (Tensor t : inputs) {
      shapes.add(t.shape());
    }
    prepare(shapes, out.shape(), out.dtype()).run(inputs, out);
  }

  /** Returns the float64 kernel. */
  @Override
  default Kernel prepare(List<Shape> inputs, Shape output) {
    return prepare(inputs, output, DType.FLOAT64);
  }

  /** Returns the kernel on {@code double[]} or on {@code float[]} tensors, by {@code dtype}. */
  @Override
  Kernel prepare(List<Shape> inputs, Shape output, DType dtype);

  /** Returns true: the kernel has a loop per element type. */
  @Override
  default boolean supports(DType dtype) {
    return true;
  }
}
