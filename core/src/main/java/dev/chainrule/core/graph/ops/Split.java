package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Algebra;
import dev.chainrule.core.graph.FormulaWriter;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * One part of a split: the positions [start, start + length) of a tensor along one axis. Splitting
 * a tensor in parts builds one of these per part. Its derivative puts the gradient back in place
 * between zeros, a {@link Concat}, so the derivatives of concat and split are each other.
 *
 * @param axis the normalised axis that is split
 * @param start the first position of the part
 * @param length the number of positions in the part
 */
public record Split(int axis, int start, int length) implements Op {
  @Override
  public String name() {
    return "split";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    Shape x = inputs.get(0);
    AxisBlocks.requireAxis(x, axis, "split");
    if (start < 0 || length < 0 || start + length > x.dim(axis)) {
      throw new IllegalArgumentException("the part [" + start + ", " + (start + length)
          + ") along axis " + axis + " does not fit in " + x + ", whose axis " + axis + " has "
          + x.dim(axis) + " positions");
    }
    return AxisBlocks.replace(x, axis, axis + 1, length);
  }

  @Override
  public void forward(Tensor[] inputs, Tensor out) {
    Shape x = inputs[0].shape();
    int outer = AxisBlocks.outer(x, axis);
    int inner = AxisBlocks.inner(x, axis + 1);
    int row = x.dim(axis) * inner;
    int block = length * inner;
    for (int o = 0; o < outer; o++) {
      System.arraycopy(AxisBlocks.storage(inputs[0]), o * row + start * inner,
          AxisBlocks.storage(out), o * block, block);
    }
  }

  /** Returns true: it moves elements, which it does in either dtype. */
  @Override
  public boolean supports(DType dtype) {
    return true;
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Shape x = output.inputs().get(0).shape();
    int after = x.dim(axis) - start - length;
    if (start == 0 && after == 0) {
      return upstream;
    }
    List<Node> parts = new ArrayList<>();
    if (start > 0) {
      parts.add(zeros(upstream, AxisBlocks.replace(x, axis, axis + 1, start)));
    }
    parts.add(upstream);
    if (after > 0) {
      parts.add(zeros(upstream, AxisBlocks.replace(x, axis, axis + 1, after)));
    }
    return upstream.graph().apply(new Concat(axis), parts.toArray(new Node[0]));
  }

  /** Returns the tangent split alike: d split(x) = split(t). */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return Op.applyToTangent(output, tangent, input);
  }

  /** Returns that a split is linear. */
  @Override
  public Algebra algebra() {
    return ALGEBRA;
  }

  private static final Algebra ALGEBRA = Algebra.NONE.withLinear(0).withPhrase("a split");

  private static Node zeros(Node like, Shape shape) {
    return like.graph().scalar(0.0).broadcastTo(shape);
  }

  /** Writes split(x, axis a, start:end), the positions taken along the axis. */
  @Override
  public <F> F formula(FormulaWriter<F> w) {
    return w.function("split", w.operand(0), w.text("axis " + axis + ", " + start + ":"
        + (start + length)));
  }

  @Override
  public Notation notation() {
    return Notation.function("split", "\\operatorname{split}");
  }

  @Override
  public String label() {
    return "split axis " + axis + " [" + start + ", " + (start + length) + ")";
  }
}
