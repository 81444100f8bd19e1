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
 * Sums over the given axes; its derivative broadcasts the gradient back over them. The seeds' db = Σ dZ is this operation met in the backward pass of a broadcast bias.
 *
 * @param axes the reduced axes, sorted and non-negative (see {@link Axes#normalize})
 * @param keepDims whether reduced axes stay as dimensions of size 1
 */
public record Sum(int[] axes, boolean keepDims) implements Op {
  /** Creates the op, keeping its own copy of the axes. */
  public Sum {
    axes = axes.clone();
  }

  @Override
  public String name() {
    return "sum";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    return inputs.get(0).reduce(axes, keepDims);
  }

  @Override
  public void forward(Tensor[] inputs, Tensor out) {
    Reduce.sumInto(inputs[0], axes, out);
  }

  @Override
  public Kernel prepare(List<Shape> inputs, Shape output) {
    ReduceLoop loop = new ReduceLoop(inputs.get(0), axes);
    return (in, out) -> loop.sum(in[0].buffer(), out.buffer());
  }

  @Override
  public List<Node> vjp(Node output, Node upstream) {
    Node x = output.inputs().get(0);
    Shape kept = x.shape().reduce(axes, true);
    Node g = upstream.shape().equals(kept) ? upstream : upstream.reshape(kept.dims());
    return List.of(g.broadcastTo(x.shape()));
  }

  @Override
  public Notation notation() {
    return Notation.function("Σ", "\\sum");
  }

  @Override
  public String label() {
    return ("Σ " + Axes.label(axes, keepDims));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sum && Arrays.equals(axes, ((Sum) o).axes)
        && keepDims == ((Sum) o).keepDims;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(axes) + Boolean.hashCode(keepDims);
  }

  @Override
  public String toString() {
    return "Sum[axes=" + Arrays.toString(axes) + ", keepDims=" + keepDims + "]";
  }
}
