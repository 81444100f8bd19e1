package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Kernel;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/**
 * What {@link Softmax} and {@link LogSoftmax} share: one axis, counted from 0, along which each
 * slice is normalised; an output of the input's shape; and the stable strided loop of {@link
 * AxisLoops}. Each of the two adds only its name, notation and derivative.
 */
public sealed interface SoftmaxFamily extends dev.chainrule.core.graph.Op
    permits Softmax, LogSoftmax {
  /** Returns the axis along which the slices are normalised, counted from 0. */
  int axis();

  /** Returns true for the logarithm of the softmax. */
  boolean log();

  /** Returns the input's shape, after checking that the axis is one of its axes. */
  @Override
  default Shape inferShape(List<Shape> inputs) {
    Axes.checkAxis(inputs.get(0), axis());
    return inputs.get(0);
  }

  @Override
  default void forward(Tensor[] inputs, Tensor out) {
    AxisLoops.softmax(inputs[0], axis(), out, log());
  }

  /** Returns true: the float32 loop computes in float64 and rounds each result once. */
  @Override
  default boolean supports(DType dtype) {
    return true;
  }

  @Override
  default Kernel prepare(List<Shape> inputs, Shape output) {
    return AxisLoops.prepare(inputs.get(0), axis(), log());
  }

  @Override
  default String label() {
    return notation().text() + " axis=" + axis();
  }
}
