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
 * Passes its input through unchanged. Reverse mode uses it to give a gradient its own name when
 * the gradient is the very node of another adjoint, as in db = dZ for a single sample's bias.
 */
public final class Identity implements Op {
  /** The single instance; the operation has no attributes. */
  public static final Identity INSTANCE = new Identity();

  private Identity() {}

  @Override
  public String name() {
    return "identity";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    return inputs.get(0);
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

  /** Returns the input itself: inside a fused loop it costs nothing. */
  @Override
  public Scalar scalarForm() {
    return Scalar.argument(0);
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    return upstream;
  }

  /** Returns the tangent itself: d(x) = tx. */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return tangent;
  }

  /** Returns M itself. */
  @Override
  public Node jmp(Node output, Node columns, int input) {
    return columns;
  }

  /** Returns that an identity can always be dropped. */
  @Override
  public Algebra algebra() {
    return ALGEBRA;
  }

  private static final Algebra ALGEBRA = Algebra.NONE.withIdentity(
      Rewrite.Family.NEUTRAL_ELEMENTS, (op, in, c) -> c.fired("identity dropped", in.get(0)));

  /** Writes its input: an identity is invisible in a formula. */
  @Override
  public <F> F formula(FormulaWriter<F> w) {
    return w.operand(0);
  }

  @Override
  public Notation notation() {
    return Notation.function("", "");
  }

  @Override
  public String label() {
    return "=";
  }
}
