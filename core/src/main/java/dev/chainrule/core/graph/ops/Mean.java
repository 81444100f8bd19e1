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
 * Averages over the given axes; its derivative spreads the gradient evenly back over them.
 *
 * @param axes the reduced axes, sorted and non-negative (see {@link Axes#normalize})
 * @param keepDims whether reduced axes stay as dimensions of size 1
 */
public record Mean(int[] axes, boolean keepDims) implements Op {
  /** Creates the op, keeping its own copy of the axes. */
  public Mean {
    axes = axes.clone();
  }

  @Override
  public String name() {
    return "mean";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    return inputs.get(0).reduce(axes, keepDims);
  }

  @Override
  public void forward(Tensor[] inputs, Tensor out) {
    Reduce.sumInto(inputs[0], axes, out);
    out.scaleInPlace(1.0 / Axes.count(inputs[0].shape(), axes));
  }

  @Override
  public Kernel prepare(List<Shape> inputs, Shape output) {
    ReduceLoop loop = new ReduceLoop(inputs.get(0), axes);
    double factor = 1.0 / Axes.count(inputs.get(0), axes);
    return (in, out) -> {
      double[] o = out.buffer();
      loop.sum(in[0].buffer(), o);
      for (int i = 0; i < o.length; i++) {
        o[i] *= factor;
      }
    };
  }

  @Override
  public List<Node> vjp(Node output, Node upstream) {
    Node x = output.inputs().get(0);
    Shape kept = x.shape().reduce(axes, true);
    Node g = upstream.shape().equals(kept) ? upstream : upstream.reshape(kept.dims());
    return List.of(g.broadcastTo(x.shape()).div(Axes.count(x.shape(), axes)));
  }

  @Override
  public Notation notation() {
    return Notation.function("mean", "\\operatorname{mean}");
  }

  @Override
  public String label() {
    return ("mean " + Axes.label(axes, keepDims));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Mean && Arrays.equals(axes, ((Mean) o).axes)
        && keepDims == ((Mean) o).keepDims;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(axes) + Boolean.hashCode(keepDims);
  }

  @Override
  public String toString() {
    return "Mean[axes=" + Arrays.toString(axes) + ", keepDims=" + keepDims + "]";
  }
}
