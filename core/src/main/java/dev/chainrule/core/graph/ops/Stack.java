package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/**
 * Stacks tensors of one shape along a new axis: n inputs of shape (a, b) stacked along axis 0 give
 * (n, a, b). Its derivative for input i is position i of the gradient along that axis, a {@link
 * Split} reshaped back.
 *
 * @param axis the position of the new axis in the result, from 0 to the inputs' rank
 */
public record Stack(int axis) implements Op {
  @Override
  public String name() {
    return "stack";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    Shape first = inputs.get(0);
    if (axis < 0 || axis > first.rank()) {
      throw new IllegalArgumentException("stack along axis " + axis + " needs an axis from 0 to "
          + first.rank() + " for inputs of shape " + first);
    }
    for (int i = 1; i < inputs.size(); i++) {
      if (!inputs.get(i).equals(first)) {
        throw new IllegalArgumentException("stack needs inputs of one shape, but input 0 is "
            + first + " and input " + i + " is " + inputs.get(i));
      }
    }
    return AxisBlocks.replace(first, axis, axis, inputs.size());
  }

  @Override
  public void forward(Tensor[] inputs, Tensor out) {
    Shape in = inputs[0].shape();
    int outer = AxisBlocks.outer(in, axis);
    int block = AxisBlocks.inner(in, axis);
    int n = inputs.length;
    Object dst = AxisBlocks.storage(out);
    for (int i = 0; i < n; i++) {
      Object src = AxisBlocks.storage(inputs[i]);
      for (int o = 0; o < outer; o++) {
        System.arraycopy(src, o * block, dst, (o * n + i) * block, block);
      }
    }
  }

  /** Returns true: it moves elements, which it does in either dtype. */
  @Override
  public boolean supports(DType dtype) {
    return true;
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node part = upstream.graph().apply(new Split(axis, input, 1), upstream);
    return part.reshape(output.inputs().get(input).shape().dims());
  }

  /**
   * Returns the tangent of input {@code input} at its position along the new axis between zeros,
   * reshaped and placed by a zero {@link Pad}: d stack(x₀, …, xₙ) = stack(t₀, …, tₙ), one input's
   * part at a time.
   */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    Node lifted = tangent.reshape(AxisBlocks.replace(tangent.shape(), axis, axis, 1).dims());
    return output.graph().apply(Pad.along(output.shape(), axis, input), lifted);
  }

  @Override
  public Notation notation() {
    return Notation.function("stack", "\\operatorname{stack}");
  }

  @Override
  public String label() {
    return "stack axis " + axis;
  }
}
