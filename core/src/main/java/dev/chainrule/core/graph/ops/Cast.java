package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Algebra;
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
 * Converts a tensor to another dtype, element by element: float64 to float32 rounds each value to
 * the nearest float, float32 to float64 is exact. The one operation whose output dtype differs
 * from its input's, so the only way to mix dtypes in a graph; its derivative casts the gradient
 * back to the input's dtype.
 *
 * @param target the dtype of the output
 */
public record Cast(DType target) implements Op {
  @Override
  public String name() {
    return "cast";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    return inputs.get(0);
  }

  /** Returns the target dtype, whatever the input's. */
  @Override
  public DType outputDType(DType inputs) {
    return target;
  }

  /** Returns true: a cast reads and writes either dtype. */
  @Override
  public boolean supports(DType dtype) {
    return true;
  }

  @Override
  public void forward(Tensor[] inputs, Tensor out) {
    out.copyFromInPlace(inputs[0].to(out.dtype()));
  }

  /**
   * Returns the input itself: inside a loop, which computes in one dtype, a cast is one to that
   * same dtype (a cast between dtypes never joins a loop; it runs {@link #forward}).
   */
  @Override
  public Scalar scalarForm() {
    return Scalar.argument(0);
  }

  /** Returns the gradient cast back to the input's dtype. */
  @Override
  public Node vjp(Node output, Node upstream, int input) {
    return upstream.cast(output.inputs().get(0).dtype());
  }

  /** Returns the tangent cast alike: a cast is linear. */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return Op.applyToTangent(output, tangent, input);
  }

  /** Returns M cast to the output's dtype: the Jacobian of a cast is the identity. */
  @Override
  public Node jmp(Node output, Node columns, int input) {
    return columns.cast(target);
  }

  /** Returns that a cast is linear and is dropped when its input already has the target dtype. */
  @Override
  public Algebra algebra() {
    return ALGEBRA;
  }

  private static final Algebra ALGEBRA = Algebra.NONE.withLinear(0)
      .withIdentity(Rewrite.Family.NEUTRAL_ELEMENTS, (op, in, c) ->
          in.get(0).dtype() == ((Cast) op).target()
              ? c.fired("cast to its own dtype dropped", in.get(0)) : null);

  @Override
  public Notation notation() {
    return Notation.function(target.toString(), "\\operatorname{" + target + "}");
  }

  @Override
  public String label() {
    return "cast → " + target;
  }
}
