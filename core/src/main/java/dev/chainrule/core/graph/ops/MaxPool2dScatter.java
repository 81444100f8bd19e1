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
 * The input gradient of {@link MaxPool2d}: inputs the pooled tensor X (n, c, h, w) and a gradient
 * G of the pooled output (n, c, oh, ow); output, shaped like X, holds at each position the sum of
 * G over the windows whose maximum lies there, and 0 elsewhere. It is linear in G, whose
 * derivative is the {@link MaxPool2dGather} at the same positions; the positions are piecewise
 * constant in X, so no gradient flows to X.
 *
 * @param kernelHeight the window's height
 * @param kernelWidth the window's width
 * @param window the stride, padding and dilation
 */
public record MaxPool2dScatter(int kernelHeight, int kernelWidth, Window2d window)
    implements PreparedOp {
  @Override
  public String name() {
    return "max_pool2d_scatter";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    PoolGeometry g = PoolGeometry.of(inputs.get(0), kernelHeight, kernelWidth, window);
    if (!inputs.get(1).equals(g.outputShape())) {
      throw new IllegalArgumentException("the gradient " + inputs.get(1) + " is not the shape "
          + g.outputShape() + " max pooling gives for the input " + inputs.get(0));
    }
    return inputs.get(0);
  }

  @Override
  public Kernel prepare(List<Shape> inputs, Shape output, DType dtype) {
    Pooling pool = new Pooling(PoolGeometry.of(inputs.get(0), kernelHeight, kernelWidth, window));
    return LoopKernels.binary(dtype, pool::maxScatter, pool::maxScatter);
  }

  /** Returns false for the pooled input, whose maxima's positions are piecewise constant. */
  @Override
  public boolean differentiable(int input) {
    return input == 1;
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    return input == 0 ? null : output.graph().apply(new MaxPool2dGather(kernelHeight,
        kernelWidth, window), output.inputs().get(0), upstream);
  }

  /**
   * Returns the tangent of the gradient scattered to the same maxima,
   * d scatter(X, G) = scatter(X, tG); none for X, whose maxima's positions are piecewise constant.
   */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return input == 1 ? Op.applyToTangent(output, tangent, input) : null;
  }

  /** Returns that the scatter is linear in the gradient. */
  @Override
  public Algebra algebra() {
    return ALGEBRA;
  }

  private static final Algebra ALGEBRA = Algebra.NONE.withLinear(1)
      .withPhrase("a max-pool scatter");

  @Override
  public Notation notation() {
    return Notation.function("maxpool_scatter", "\\operatorname{maxpool}^{\\top}");
  }

  @Override
  public String label() {
    return "maxpool scatter " + PoolGeometry.label(kernelHeight, kernelWidth, window);
  }
}
