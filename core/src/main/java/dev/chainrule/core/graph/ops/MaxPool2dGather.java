package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Algebra;
import dev.chainrule.core.graph.Kernel;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.PoolGeometry;
import dev.chainrule.core.tensor.Pooling;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Window2d;
import java.util.List;

/**
 * Reads a tensor V at the positions of a {@link MaxPool2d}'s maxima: inputs the pooled tensor X
 * (n, c, h, w) and V of the same shape; output (n, c, oh, ow) holds, for each window, V at the
 * position of the window's maximum in X. It is the adjoint of {@link MaxPool2dScatter} (and so
 * its derivative), linear in V and piecewise constant in X.
 *
 * @param kernelHeight the window's height
 * @param kernelWidth the window's width
 * @param window the stride, padding and dilation
 */
public record MaxPool2dGather(int kernelHeight, int kernelWidth, Window2d window)
    implements PreparedOp {
  @Override
  public String name() {
    return "max_pool2d_gather";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    if (!inputs.get(1).equals(inputs.get(0))) {
      throw new IllegalArgumentException("the values " + inputs.get(1) + " must have the pooled "
          + "input's shape " + inputs.get(0));
    }
    return PoolGeometry.of(inputs.get(0), kernelHeight, kernelWidth, window).outputShape();
  }

  @Override
  public Kernel prepare(List<Shape> inputs, Shape output, DType dtype) {
    Pooling pool = new Pooling(PoolGeometry.of(inputs.get(0), kernelHeight, kernelWidth, window));
    return LoopKernels.binary(dtype, pool::maxGather, pool::maxGather);
  }

  /** Returns false for the pooled input, whose maxima's positions are piecewise constant. */
  @Override
  public boolean differentiable(int input) {
    return input == 1;
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    return input == 0 ? null : output.graph().apply(new MaxPool2dScatter(kernelHeight,
        kernelWidth, window), output.inputs().get(0), upstream);
  }

  /**
   * Returns the tangent of the values read at the same maxima, d gather(X, V) = gather(X, tV);
   * none for X, whose maxima's positions are piecewise constant.
   */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return input == 1 ? Op.applyToTangent(output, tangent, input) : null;
  }

  /** Returns that the gather is linear in the values. */
  @Override
  public Algebra algebra() {
    return ALGEBRA;
  }

  private static final Algebra ALGEBRA = Algebra.NONE.withLinear(1)
      .withPhrase("a max-pool gather");

  @Override
  public Notation notation() {
    return Notation.function("maxpool_gather", "\\operatorname{maxpool\\_gather}");
  }

  @Override
  public String label() {
    return "maxpool gather " + PoolGeometry.label(kernelHeight, kernelWidth, window);
  }
}
