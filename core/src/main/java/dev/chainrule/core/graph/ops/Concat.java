package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.Objects;

/**
 * Joins tensors end to end along one axis; every other dimension must agree. Its derivative for
 * input i is the part of the gradient input i occupies, a {@link Split}; forward mode joins the
 * inputs' tangents in one concat ({@link #jvpJoin}).
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

  /**
   * Returns the tangent of the whole at once, d concat(x₀, …, xₙ) = concat(t₀, …, tₙ): one concat
   * of the inputs' tangents, zeros of an input's shape only for an input without one, where
   * summing each input's {@link #jvp} would build one tensor of the output's shape per input.
   */
  @Override
  public Node jvpJoin(Node output, List<Node> tangents) {
    Node like = tangents.stream().filter(Objects::nonNull).findFirst().orElseThrow();
    Node[] pieces = new Node[tangents.size()];
    for (int i = 0; i < pieces.length; i++) {
      Node t = tangents.get(i);
      pieces[i] = t != null ? t : zeros(like, output.inputs().get(i).shape());
    }
    return pieces.length == 1 ? pieces[0] : output.graph().apply(this, pieces);
  }

  /**
   * Returns zeros of {@code shape} in the dtype of {@code like} (a derivative inside a cast
   * island has the island's dtype, not the graph's).
   */
  static Node zeros(Node like, Shape shape) {
    Graph g = like.graph();
    Node zero = g.scalar(0.0);
    if (like.dtype() != g.dtype()) {
      zero = zero.cast(like.dtype());
    }
    return zero.broadcastTo(shape);
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
