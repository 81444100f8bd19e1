package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Kernel;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.ReduceLoop;
import dev.chainrule.core.tensor.Shape;
import java.util.List;

/**
 * Takes the maximum over the given axes; its derivative routes the gradient to the elements that
 * attain the maximum, split evenly among ties, and selects 0 elsewhere (so an infinite gradient
 * of the maximum never meets a 0 of the mask).
 *
 * @param axes the reduced axes and whether they are kept (see {@link Axes#of})
 */
public record Max(Axes axes) implements PreparedOp {
  @Override
  public String name() {
    return "max";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    return axes.reduce(inputs.get(0));
  }

  /** Returns the kernel: the maximum over the axes, in either dtype. */
  @Override
  public Kernel prepare(List<Shape> inputs, Shape output, DType dtype) {
    ReduceLoop loop = new ReduceLoop(inputs.get(0), axes.array());
    return LoopKernels.unary(dtype, loop::max, loop::max);
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node x = output.inputs().get(0);
    Node g = axes.withKeptDims(upstream, x.shape());
    Node mask = x.eq(axes.withKeptDims(output, x.shape()));
    return mask.where(g.div(mask.sumKeepDims(axes.array())), output.graph().scalar(0.0));
  }

  /**
   * Returns d max x = Σ(1(x = max x) ∘ tx) / Σ 1(x = max x): the tangent at the element that
   * attains the maximum, averaged over ties, the transpose of the gradient's even split.
   */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    Node x = output.inputs().get(0);
    Node mask = x.eq(axes.withKeptDims(output, x.shape()));
    Node picked = mask.where(tangent, output.graph().scalar(0.0));
    return summed(picked).div(summed(mask));
  }

  /** Returns this maximum's axes summed over {@code x}, kept or dropped as the maximum does. */
  private Node summed(Node x) {
    return x.graph().apply(new Sum(axes), x);
  }

  @Override
  public Notation notation() {
    return Notation.function("max", "\\max");
  }

  @Override
  public String label() {
    return ("max " + axes.label());
  }
}
