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
 * 2-D average pooling of an NCHW tensor: each (kh, kw) window of every channel becomes its mean,
 * padding counted as zeros in a window of kh·kw taps (PyTorch's default). It is linear; its
 * derivative spreads each gradient element evenly over its window, {@link AvgPool2dTranspose}.
 *
 * @param kernelHeight the window's height kh
 * @param kernelWidth the window's width kw
 * @param window the stride and padding (at most half the window), without dilation
 */
public record AvgPool2d(int kernelHeight, int kernelWidth, Window2d window) implements PreparedOp {
  /** Checks that the window is not dilated, which average pooling does not define. */
  public AvgPool2d {
    AvgPool2dTranspose.requireUndilated(window);
  }

  @Override
  public String name() {
    return "avg_pool2d";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    return PoolGeometry.of(inputs.get(0), kernelHeight, kernelWidth, window).outputShape();
  }

  @Override
  public Kernel prepare(List<Shape> inputs, Shape output, DType dtype) {
    Pooling pool = new Pooling(PoolGeometry.of(inputs.get(0), kernelHeight, kernelWidth, window));
    return LoopKernels.unary(dtype, pool::average, pool::average);
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Shape x = output.inputs().get(0).shape();
    return output.graph().apply(new AvgPool2dTranspose(kernelHeight, kernelWidth, window,
        x.dim(2), x.dim(3)), upstream);
  }

  /** Returns the tangent pooled alike: d avgpool(X) = avgpool(tX). */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return Op.applyToTangent(output, tangent, input);
  }

  /** Returns that average pooling is linear. */
  @Override
  public Algebra algebra() {
    return ALGEBRA;
  }

  private static final Algebra ALGEBRA = Algebra.NONE.withLinear(0).withPhrase("an average");

  @Override
  public Notation notation() {
    return Notation.function("avgpool", "\\operatorname{avgpool}");
  }

  @Override
  public String label() {
    return "avgpool " + PoolGeometry.label(kernelHeight, kernelWidth, window);
  }
}
