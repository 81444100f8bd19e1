package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.FormulaWriter;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.scalar.Scalar;
import dev.chainrule.core.tensor.Shape;
import java.util.List;

/**
 * Chooses elementwise between two tensors by a 0/1 condition, with broadcasting: c ≠ 0 ? a : b.
 * The gradient goes to a where the condition holds and to b elsewhere; none to the condition.
 */
public final class Where implements Elementwise {
  /** The single instance; the operation has no attributes. */
  public static final Where INSTANCE = new Where();

  private Where() {}

  @Override
  public String name() {
    return "where";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    Shape ab = BinaryElementwise.broadcastShape(inputs.get(1), inputs.get(2));
    return BinaryElementwise.broadcastShape(inputs.get(0), ab);
  }

  @Override
  public Scalar scalarForm() {
    return Scalar.argument(0).select(Scalar.argument(1), Scalar.argument(2));
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    if (input == 0) {
      return null;
    }
    return Unbroadcast.sumTo(routed(output, upstream, input), output.inputs().get(input).shape());
  }

  /**
   * Returns d where(c, a, b) = where(c, ta, 0) + where(c, 0, tb), each broadcast to the output's
   * shape; null for the condition, along which the output does not move.
   */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return input == 0 ? null : Elementwise.spreadTo(routed(output, tangent, input), output);
  }

  /** Returns where(c, v, 0) for the first choice (input 1), where(c, 0, v) for the second. */
  private static Node routed(Node output, Node value, int input) {
    Node condition = output.inputs().get(0);
    Node zero = output.graph().scalar(0.0);
    return input == 1 ? condition.where(value, zero) : condition.where(zero, value);
  }

  /** Returns false for the condition, through which no gradient flows. */
  @Override
  public boolean differentiable(int input) {
    return input != 0;
  }

  /**
   * Writes where(c, g, 0) with a comparison c as g ∘ 1(c): it selects g by the mask 1(c), which
   * the seeds write as that product (ReLU's derivative dA ∘ 1(Z &gt; 0) among others); any other
   * where as the function.
   */
  @Override
  public <F> F formula(FormulaWriter<F> w) {
    Node otherwise = w.node().inputs().get(2);
    boolean mask = otherwise.isLiteral() && otherwise.storedValue().item() == 0.0
        && w.node().inputs().get(0).op() instanceof Compare;
    return mask ? w.hadamard(w.operand(1), w.operand(0)) : w.generic(notation());
  }

  @Override
  public Notation notation() {
    return Notation.function("where", "\\operatorname{where}");
  }
}
