package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Algebra;
import dev.chainrule.core.graph.FormulaWriter;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.Rewrite;
import dev.chainrule.core.scalar.Scalar;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/**
 * Gives a tensor a new shape with the same number of elements, in row-major order; its derivative
 * reshapes the gradient back.
 *
 * @param target the new shape
 */
public record Reshape(Shape target) implements Op {
  @Override
  public String name() {
    return "reshape";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    Shape in = inputs.get(0);
    if (in.size() != target.size()) {
      throw new IllegalArgumentException("cannot reshape " + in + " (" + in.size()
          + " elements) to " + target + " (" + target.size() + " elements)");
    }
    return target;
  }

  @Override
  public void forward(Tensor[] inputs, Tensor out) {
    AxisBlocks.copyFlat(inputs[0], out);
  }

  /** Returns true: a copy runs in either dtype. */
  @Override
  public boolean supports(DType dtype) {
    return true;
  }

  /**
   * Returns the input itself, read at the same flat position: inside a fused loop it costs nothing.
   */
  @Override
  public Scalar scalarForm() {
    return Scalar.argument(0);
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    return upstream.reshape(output.inputs().get(0).shape().dims());
  }

  /** Returns the tangent reshaped alike: d reshape(x) = reshape(t). */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return Op.applyToTangent(output, tangent, input);
  }

  /** Returns M itself: a reshape keeps the elements in their row-major order. */
  @Override
  public Node jmp(Node output, Node columns, int input) {
    return columns;
  }

  /**
   * Returns that a reshape is linear, is dropped when it keeps the shape, and merges with a reshape
   * it reads.
   */
  @Override
  public Algebra algebra() {
    return ALGEBRA;
  }

  private static final Algebra ALGEBRA = Algebra.NONE.withLinear(0)
      .withIdentity(Rewrite.Family.NEUTRAL_ELEMENTS, Terms::droppedWhenShapeKept)
      .withIdentity(Rewrite.Family.NEUTRAL_ELEMENTS, (op, in, c) -> c.is(in.get(0), Reshape.class)
          ? c.fired("reshape of a reshape merged", c.apply(op, Terms.arg(in.get(0), 0))) : null);

  /** Writes its input: the shape does not show in a formula. */
  @Override
  public <F> F formula(FormulaWriter<F> w) {
    return w.operand(0);
  }

  @Override
  public Notation notation() {
    return Notation.function("reshape" + target, "\\operatorname{reshape}_{" + target + "}");
  }

  @Override
  public String label() {
    return "reshape " + target;
  }
}
