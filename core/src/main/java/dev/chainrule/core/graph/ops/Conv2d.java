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
 * The 2-D convolution Z = W ⋆ X of deep learning (a cross-correlation, as PyTorch's {@code
 * conv2d}): inputs the kernel W (f, c / groups, kh, kw) and the input X (n, c, h, w), output Z
 * (n, f, oh, ow) with Z[n, o, y, x] = Σ W[o, k, i, j] · X[n, k, y·s − p + i·d, x·s − p + j·d].
 * Both derivatives are convolutions again, as graph operations: dX = W ⋆ᵀ dZ, the transposed
 * convolution ({@link Conv2dTranspose}), and dW = X ⋆ dZ, the correlation of the input with the
 * output gradient ({@link Conv2dKernelGradient}).
 *
 * @param window the stride, zero padding and dilation
 * @param groups the number of channel groups (1 for an ordinary convolution)
 */
public record Conv2d(Window2d window, int groups) implements PreparedOp {
  @Override
  public String name() {
    return "conv2d";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    return geometry(inputs).outputShape();
  }

  private ConvGeometry geometry(List<Shape> inputs) {
    return ConvGeometry.of(inputs.get(1), inputs.get(0), window, groups);
  }

  @Override
  public Kernel prepare(List<Shape> inputs, Shape output, DType dtype) {
    Convolution conv = new Convolution(geometry(inputs), dtype);
    return LoopKernels.binary(dtype, (w, x, z) -> conv.forward(x, w, z),
        (w, x, z) -> conv.forward(x, w, z));
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node kernel = output.inputs().get(0);
    Node x = output.inputs().get(1);
    return input == 0 ? ConvFaces.kernelGradient(window, groups, x, upstream, kernel)
        : ConvFaces.inputGradient(window, groups, kernel, upstream, x);
  }

  /**
   * Returns the convolution with the moving operand replaced by its tangent, one term of
   * d(W ⋆ X) = tW ⋆ X + W ⋆ tX.
   */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return Op.applyToTangent(output, tangent, input);
  }

  /** Returns that the convolution is linear in the kernel and in the input. */
  @Override
  public Algebra algebra() {
    return ALGEBRA;
  }

  private static final Algebra ALGEBRA = Algebra.NONE.withLinear(0, 1)
      .withPhrase("a convolution");

  @Override
  public Notation notation() {
    return Notation.infix("⋆", "\\star", Notation.MULTIPLICATIVE);
  }

  @Override
  public String label() {
    return ConvLabels.label("W ⋆ X", window, groups);
  }
}
