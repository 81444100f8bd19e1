package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Kernel;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.tensor.Reduce;
import dev.chainrule.core.tensor.ReduceLoop;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * Takes the maximum over the given axes; its derivative routes the gradient to the elements that attain the maximum, split evenly among ties.
 *
 * @param axes the reduced axes, sorted and non-negative (see {@link Axes#normalize})
 * @param keepDims whether reduced axes stay as dimensions of size 1
 */
public record Max(int[] axes, boolean keepDims) implements Op {
  /** Creates the op, keeping its own copy of the axes. */
  public Max {
    axes = axes.clone();
  }

  @Override
  public String name() {
    return "max";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    return inputs.get(0).reduce(axes, keepDims);
  }

  @Override
  public void forward(Tensor[] inputs, Tensor out) {
    Reduce.maxInto(inputs[0], axes, out);
  }

  @Override
  public Kernel prepare(List<Shape> inputs, Shape output) {
    ReduceLoop loop = new ReduceLoop(inputs.get(0), axes);
    return (in, out) -> loop.max(in[0].buffer(), out.buffer());
  }

  @Override
  public List<Node> vjp(Node output, Node upstream) {
    Node x = output.inputs().get(0);
    Shape kept = x.shape().reduce(axes, true);
    Node g = upstream.shape().equals(kept) ? upstream : upstream.reshape(kept.dims());
    Node peak = output.shape().equals(kept) ? output : output.reshape(kept.dims());
    Node mask = x.eq(peak);
    Node share = mask.div(mask.sumKeepDims(axes));
    return List.of(share.mul(g));
  }

  @Override
  public Notation notation() {
    return Notation.function("max", "\\max");
  }

  @Override
  public String label() {
    return ("max " + Axes.label(axes, keepDims));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Max && Arrays.equals(axes, ((Max) o).axes)
        && keepDims == ((Max) o).keepDims;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(axes) + Boolean.hashCode(keepDims);
  }

  @Override
  public String toString() {
    return "Max[axes=" + Arrays.toString(axes) + ", keepDims=" + keepDims + "]";
  }
}
