package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.FormulaWriter;
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

  /**
   * Writes softmax(z) when the axis is the only one longer than 1 (a column along its rows, a
   * row along its columns), else softmax(z, axis=k), so that a softmax over the rows of a matrix
   * never reads like one over its columns; always with the axis when the printer shows axes.
   */
  @Override
  default <F> F formula(FormulaWriter<F> w) {
    return along(w, notation().text(), w.operand(0), w.node().inputs().get(0).shape(), axis());
  }

  /**
   * Returns {@code name}(z) for a function along {@code axis} of z (of {@code shape}), with
   * {@code axis=k} as a second argument unless the axis is the only one longer than 1 and the
   * printer does not show axes.
   */
  static <F> F along(FormulaWriter<F> w, String name, F z, Shape shape, int axis) {
    return w.showsAxes() || !Axes.isOnlyLongAxis(shape, axis)
        ? w.function(name, z, w.axes("axis=" + axis)) : w.function(name, z);
  }

  @Override
  default String label() {
    return notation().text() + " axis=" + axis();
  }
}
