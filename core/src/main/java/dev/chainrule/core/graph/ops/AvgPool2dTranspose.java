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
 * The adjoint of {@link AvgPool2d}, and so its input gradient: a gradient G (n, c, oh, ow) of the
 * pooled output spread evenly over the windows it came from, each element adding G/(kh·kw) to
 * every tap of its window, giving a tensor (n, c, h, w) of the pooled input's shape. Linear; its
 * derivative is the average pooling.
 *
 * @param kernelHeight the window's height
 * @param kernelWidth the window's width
 * @param window the stride and padding
 * @param height the pooled input's height h
 * @param width the pooled input's width w
 */
public record AvgPool2dTranspose(int kernelHeight, int kernelWidth, Window2d window, int height,
    int width) implements PreparedOp {
  /** Checks that the window is not dilated. */
  public AvgPool2dTranspose {
    requireUndilated(window);
  }

  /** Throws when {@code window} is dilated, which average pooling does not define. */
  static void requireUndilated(Window2d window) {
    if (window.dilationH() != 1 || window.dilationW() != 1) {
      throw new IllegalArgumentException("average pooling takes no dilation, got dilation ("
          + window.dilationH() + ", " + window.dilationW() + ")");
    }
  }

  @Override
  public String name() {
    return "avg_pool2d_transpose";
  }

  private PoolGeometry geometry(Shape gradient) {
    if (gradient.rank() != 4) {
      throw new IllegalArgumentException("the gradient must have rank 4, (batch, channels, "
          + "height, width), got " + gradient);
    }
    PoolGeometry g = PoolGeometry.of(Shape.of(gradient.dim(0), gradient.dim(1), height, width),
        kernelHeight, kernelWidth, window);
    if (!g.outputShape().equals(gradient)) {
      throw new IllegalArgumentException("the gradient " + gradient + " is not the shape "
          + g.outputShape() + " average pooling gives for an input " + g.inputShape());
    }
    return g;
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    return geometry(inputs.get(0)).inputShape();
  }

  @Override
  public Kernel prepare(List<Shape> inputs, Shape output, DType dtype) {
    Pooling pool = new Pooling(geometry(inputs.get(0)));
    return LoopKernels.unary(dtype, pool::averageTranspose, pool::averageTranspose);
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    return output.graph().apply(new AvgPool2d(kernelHeight, kernelWidth, window), upstream);
  }

  /** Returns the tangent spread alike: d avgpoolᵀ(G) = avgpoolᵀ(tG). */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return Op.applyToTangent(output, tangent, input);
  }

  /** Returns that the spreading is linear. */
  @Override
  public Algebra algebra() {
    return ALGEBRA;
  }

  private static final Algebra ALGEBRA = Algebra.NONE.withLinear(0)
      .withPhrase("an average's transpose");

  @Override
  public Notation notation() {
    return Notation.function("avgpoolᵀ", "\\operatorname{avgpool}^{\\top}");
  }

  @Override
  public String label() {
    return "avgpoolᵀ " + PoolGeometry.label(kernelHeight, kernelWidth, window);
  }
}
