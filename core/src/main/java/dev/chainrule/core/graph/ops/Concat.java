package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/**
 * Joins tensors end to end along one axis; every other dimension must agree. Its derivative for
 * input i is the part of the gradient input i occupies, a {@link Split}.
 *
 * @param axis the normalised axis the inputs are joined along
 */
public record Concat(int axis) implements Op {
  @Override
  public String name() {
    return "concat";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    Shape first = inputs.get(0);
    AxisBlocks.requireAxis(first, axis, "concat");
    int total = 0;
    for (int i = 0; i < inputs.size(); i++) {
      Shape s = inputs.get(i);
      if (s.rank() != first.rank()
          || !AxisBlocks.replace(s, axis, axis + 1).equals(AxisBlocks.replace(first, axis,
              axis + 1))) {
        throw new IllegalArgumentException("concat along axis " + axis + " needs every other "
            + "dimension to agree, but input 0 is " + first + " and input " + i + " is " + s);
      }
      total += s.dim(axis);
    }
    return AxisBlocks.replace(first, axis, axis + 1, total);
  }

  @Override
  public void forward(Tensor[] inputs, Tensor out) {
    int outer = AxisBlocks.outer(out.shape(), axis);
    int inner = AxisBlocks.inner(out.shape(), axis + 1);
    int row = out.shape().dim(axis) * inner;
    Object dst = AxisBlocks.storage(out);
    int offset = 0;
    for (Tensor in : inputs) {
      int block = in.shape().dim(axis) * inner;
      Object src = AxisBlocks.storage(in);
      for (int o = 0; o < outer; o++) {
        System.arraycopy(src, o * block, dst, o * row + offset, block);
      }
      offset += block;
    }
  }

  /** Returns true: it moves elements, which it does in either dtype. */
  @Override
  public boolean supports(DType dtype) {
    return true;
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    return upstream.graph().apply(new Split(axis, offset(output, input),
        output.inputs().get(input).shape().dim(axis)), upstream);
  }

  /**
   * Returns the tangent of input {@code input} in its place between zeros, a zero {@link Pad} to
   * the output's shape: d concat(x₀, …, xₙ) = concat(t₀, …, tₙ), one input's part at a time.
   */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return output.graph().apply(Pad.along(output.shape(), axis, offset(output, input)), tangent);
  }

  /** Returns where input number {@code input} of {@code output} starts along the axis. */
  private int offset(Node output, int input) {
    int start = 0;
    for (int i = 0; i < input; i++) {
      start += output.inputs().get(i).shape().dim(axis);
    }
    return start;
  }

  @Override
  public Notation notation() {
    return Notation.function("concat", "\\operatorname{concat}");
  }

  @Override
  public String label() {
    return "concat axis " + axis;
  }
}
