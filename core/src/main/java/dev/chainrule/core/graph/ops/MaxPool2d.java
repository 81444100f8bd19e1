package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Kernel;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.PoolGeometry;
import dev.chainrule.core.tensor.Pooling;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Window2d;
import java.util.List;

/**
 * 2-D max pooling of an NCHW tensor: each (kh, kw) window of every channel becomes its largest
 * element (the first, on ties). The gradient flows only to each window's maximum: dX = {@link
 * MaxPool2dScatter}(X, dZ), a graph operation whose own derivative gathers at the same positions.
 *
 * @param kernelHeight the window's height kh
 * @param kernelWidth the window's width kw
 * @param window the stride, padding (at most half the window) and dilation
 */
public record MaxPool2d(int kernelHeight, int kernelWidth, Window2d window) implements PreparedOp {
  @Override
  public String name() {
    return "max_pool2d";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    return PoolGeometry.of(inputs.get(0), kernelHeight, kernelWidth, window).outputShape();
  }

  @Override
  public Kernel prepare(List<Shape> inputs, Shape output, DType dtype) {
    Pooling pool = new Pooling(PoolGeometry.of(inputs.get(0), kernelHeight, kernelWidth, window));
    return LoopKernels.unary(dtype, pool::max, pool::max);
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    return output.graph().apply(new MaxPool2dScatter(kernelHeight, kernelWidth, window),
        output.inputs().get(0), upstream);
  }

  /**
   * Returns the tangent read at the positions of the maxima, d maxpool(X) = {@link
   * MaxPool2dGather}(X, tX): each window moves with its largest element (the first, on ties, the
   * position the vjp scatters to).
   */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return output.graph().apply(new MaxPool2dGather(kernelHeight, kernelWidth, window),
        output.inputs().get(0), tangent);
  }

  @Override
  public Notation notation() {
    return Notation.function("maxpool", "\\operatorname{maxpool}");
  }

  @Override
  public String label() {
    return "maxpool " + PoolGeometry.label(kernelHeight, kernelWidth, window);
  }
}
