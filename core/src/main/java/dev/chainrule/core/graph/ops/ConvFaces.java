package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Window2d;

/**
 * The three faces of one convolution, each built by the others' derivatives: Z = W ⋆ X ({@link
 * Conv2d}), the input gradient W ⋆ᵀ G ({@link Conv2dTranspose}) and the kernel gradient X ⋆ G
 * ({@link Conv2dKernelGradient}), as graph nodes of the same window and groups, with the height
 * and width a transpose or kernel gradient holds read off the node whose shape it gives.
 */
final class ConvFaces {
  private ConvFaces() {}

  /** Returns W ⋆ X, the convolution of {@code input} with {@code kernel}. */
  static Node convolution(Window2d window, int groups, Node kernel, Node input) {
    return kernel.graph().apply(new Conv2d(window, groups), kernel, input);
  }

  /** Returns W ⋆ᵀ G, shaped as {@code input}, the convolution's input it is the gradient of. */
  static Node inputGradient(Window2d window, int groups, Node kernel, Node gradient, Node input) {
    Shape x = input.shape();
    return kernel.graph().apply(new Conv2dTranspose(window, groups, x.dim(2), x.dim(3)), kernel,
        gradient);
  }

  /** Returns X ⋆ G, shaped as {@code kernel}, the convolution's kernel it is the gradient of. */
  static Node kernelGradient(Window2d window, int groups, Node input, Node gradient, Node kernel) {
    Shape k = kernel.shape();
    return input.graph().apply(new Conv2dKernelGradient(window, groups, k.dim(2), k.dim(3)),
        input, gradient);
  }
}
