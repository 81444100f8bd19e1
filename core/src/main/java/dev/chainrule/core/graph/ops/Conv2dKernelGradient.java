package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Algebra;
import dev.chainrule.core.graph.Kernel;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.tensor.ConvGeometry;
import dev.chainrule.core.tensor.Convolution;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Window2d;
import java.util.List;

/**
 * The correlation X ⋆ G of a convolution's input with a gradient of its output, summed over the
 * batch: the kernel gradient dW = X ⋆ dZ of a {@link Conv2d}. Inputs X (n, c, h, w) and G (n, f,
 * oh, ow), output (f, c / groups, kh, kw) with dW[o, k, i, j] = Σ over n, y, x of G[n, o, y, x] ·
 * X[n, k, y·s − p + i·d, x·s − p + j·d]. Its derivatives are a transposed convolution and a
 * convolution.
 *
 * @param window the stride, padding and dilation of the convolution
 * @param groups the number of channel groups
 * @param kernelHeight the kernel's height kh
 * @param kernelWidth the kernel's width kw
 */
public record Conv2dKernelGradient(Window2d window, int groups, int kernelHeight,
    int kernelWidth) implements PreparedOp {
  @Override
  public String name() {
    return "conv2d_kernel_gradient";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    return geometry(inputs).kernelShape();
  }

  private ConvGeometry geometry(List<Shape> inputs) {
    Shape x = inputs.get(0);
    Shape g = inputs.get(1);
    if (x.rank() != 4 || g.rank() != 4) {
      throw new IllegalArgumentException("the input " + x + " and the output gradient " + g
          + " must both have rank 4, (batch, channels, height, width)");
    }
    int c = x.dim(1);
    ConvGeometry geometry = ConvGeometry.of(x, Shape.of(g.dim(1), Math.max(1, c / groups),
        kernelHeight, kernelWidth), window, groups);
    geometry.requireOutput(g);
    return geometry;
  }

  @Override
  public Kernel prepare(List<Shape> inputs, Shape output, DType dtype) {
    Convolution conv = new Convolution(geometry(inputs), dtype);
    return LoopKernels.binary(dtype, conv::kernelGradient, conv::kernelGradient);
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node x = output.inputs().get(0);
    Node gradient = output.inputs().get(1);
    return input == 0 ? ConvFaces.inputGradient(window, groups, upstream, gradient, x)
        : ConvFaces.convolution(window, groups, upstream, x);
  }

  /**
   * Returns the correlation with the moving operand replaced by its tangent, one term of
   * d(X ⋆ G) = tX ⋆ G + X ⋆ tG.
   */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return Op.applyToTangent(output, tangent, input);
  }

  /** Returns that the correlation is linear in the input and in the gradient. */
  @Override
  public Algebra algebra() {
    return ALGEBRA;
  }

  private static final Algebra ALGEBRA = Algebra.NONE.withLinear(0, 1)
      .withPhrase("a kernel gradient");

  @Override
  public Notation notation() {
    return Notation.infix("⋆", "\\star", Notation.MULTIPLICATIVE);
  }

  @Override
  public String label() {
    return ConvLabels.label("X ⋆ G → " + kernelHeight + "×" + kernelWidth, window, groups);
  }
}
