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
 * The transposed convolution W ⋆ᵀ G, the adjoint of X ↦ W ⋆ X and so the input gradient of a
 * {@link Conv2d}: inputs the kernel W (f, c / groups, kh, kw) and a gradient G (n, f, oh, ow)
 * of the convolution's output, output (n, c, h, w), the convolution's input shape, which its
 * height and width attributes fix (a strided convolution maps several heights to one). Every
 * element of G spreads over the window it came from, weighted by the kernel; for stride 1 this
 * is the full convolution of G with the kernel flipped in both axes. Its derivatives are a
 * convolution and a kernel gradient.
 *
 * @param window the stride, padding and dilation of the convolution it transposes
 * @param groups the number of channel groups
 * @param height the output's height h
 * @param width the output's width w
 */
public record Conv2dTranspose(Window2d window, int groups, int height, int width)
    implements PreparedOp {
  @Override
  public String name() {
    return "conv_transpose2d";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    return geometry(inputs).inputShape();
  }

  private ConvGeometry geometry(List<Shape> inputs) {
    return ConvGeometry.ofOutput(inputs.get(0), inputs.get(1), window, groups, height, width);
  }

  @Override
  public Kernel prepare(List<Shape> inputs, Shape output, DType dtype) {
    Convolution conv = new Convolution(geometry(inputs), dtype);
    return LoopKernels.binary(dtype, conv::inputGradient, conv::inputGradient);
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node kernel = output.inputs().get(0);
    Node gradient = output.inputs().get(1);
    return input == 0 ? ConvFaces.kernelGradient(window, groups, upstream, gradient, kernel)
        : ConvFaces.convolution(window, groups, kernel, upstream);
  }

  /**
   * Returns the transposed convolution with the moving operand replaced by its tangent, one term of
   * d(W ⋆ᵀ G) = tW ⋆ᵀ G + W ⋆ᵀ tG.
   */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return Op.applyToTangent(output, tangent, input);
  }

  /** Returns that the transposed convolution is linear in the kernel and in the gradient. */
  @Override
  public Algebra algebra() {
    return ALGEBRA;
  }

  private static final Algebra ALGEBRA = Algebra.NONE.withLinear(0, 1)
      .withPhrase("a transposed convolution");

  @Override
  public Notation notation() {
    return Notation.infix("⋆ᵀ", "\\star^{\\top}", Notation.MULTIPLICATIVE);
  }

  @Override
  public String label() {
    return ConvLabels.label("W ⋆ᵀ G", window, groups);
  }
}
