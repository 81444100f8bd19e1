package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Kernel;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Reduce;
import dev.chainrule.core.tensor.ReduceLoop;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/**
 * Takes the maximum over the given axes; its derivative routes the gradient to the elements that
 * attain the maximum, split evenly among ties, and selects 0 elsewhere (so an infinite gradient
 * of the maximum never meets a 0 of the mask).
 *
 * @param axes the reduced axes and whether they are kept (see {@link Axes#of})
 */
public record Max(Axes axes) implements Op {
  @Override
  public String name() {
    return "max";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    return axes.reduce(inputs.get(0));
  }

  @Override
  public void forward(Tensor[] inputs, Tensor out) {
    Reduce.maxInto(inputs[0], axes.array(), out);
  }

  /** Returns true: its reduction has a float32 loop. */
  @Override
  public boolean supports(DType dtype) {
    return true;
  }

  @Override
  public Kernel prepare(List<Shape> inputs, Shape output) {
    ReduceLoop loop = new ReduceLoop(inputs.get(0), axes.array());
    return (in, out) -> loop.max(in[0].buffer(), out.buffer());
  }

  @Override
  public Kernel prepare(List<Shape> inputs, Shape output, DType dtype) {
    if (dtype == DType.FLOAT64) {
      return prepare(inputs, output);
    }
    ReduceLoop loop = new ReduceLoop(inputs.get(0), axes.array());
    return (in, out) -> loop.max(in[0].floatBuffer(), out.floatBuffer());
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node x = output.inputs().get(0);
    Shape kept = axes.kept(x.shape());
    Node g = upstream.shape().equals(kept) ? upstream : upstream.reshape(kept.dims());
    Node peak = output.shape().equals(kept) ? output : output.reshape(kept.dims());
    Node mask = x.eq(peak);
    return mask.where(g.div(mask.sumKeepDims(axes.array())), output.graph().scalar(0.0));
  }

  /**
   * Returns d max x = Σ(1(x = max x) ∘ tx) / Σ 1(x = max x): the tangent at the element that
   * attains the maximum, averaged over ties, the transpose of the gradient's even split.
   */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    Node x = output.inputs().get(0);
    Shape kept = axes.kept(x.shape());
    Node peak = output.shape().equals(kept) ? output : output.reshape(kept.dims());
    Node mask = x.eq(peak);
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
