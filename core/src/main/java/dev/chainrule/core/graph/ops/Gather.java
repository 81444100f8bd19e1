package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Algebra;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/**
 * Picks slices of a tensor along one axis by integer indices, NumPy's {@code take}: for x of shape
 * (a, n, b) and indices I of any shape, y[o, I…, i] = x[o, I[…], i], of shape (a, I…, b). An
 * embedding lookup is a gather along axis 0 of the table. Its derivative with respect to x is the
 * {@link ScatterAdd} of the gradient to the picked positions (repeated indices add up); the
 * indices receive no gradient.
 *
 * @param axis the normalised axis of x the indices pick along
 * @param origin the operation and user line that built it, named by an index error (may be null)
 */
public record Gather(int axis, String origin) implements Op {
  @Override
  public String name() {
    return "gather";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    Shape x = inputs.get(0);
    AxisBlocks.requireAxis(x, axis, "gather");
    return AxisBlocks.replace(x, axis, axis + 1, inputs.get(1).dims());
  }

  @Override
  public void forward(Tensor[] inputs, Tensor out) {
    Shape x = inputs[0].shape();
    int inner = AxisBlocks.inner(x, axis + 1);
    Object src = AxisBlocks.storage(inputs[0]);
    Object dst = AxisBlocks.storage(out);
    AxisBlocks.forEachPick(inputs[1], AxisBlocks.outer(x, axis), x.dim(axis), inner, origin,
        (table, picked) -> System.arraycopy(src, table, dst, picked, inner));
  }

  /** Returns true: it copies slices, which it does in either dtype. */
  @Override
  public boolean supports(DType dtype) {
    return true;
  }

  /** Returns true for the tensor only: integer indices have no gradient. */
  @Override
  public boolean differentiable(int input) {
    return input == 0;
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    if (input != 0) {
      return null;
    }
    Node x = output.inputs().get(0);
    return upstream.graph().apply(new ScatterAdd(axis, x.shape().dim(axis), origin), upstream,
        output.inputs().get(1));
  }

  /**
   * Returns the tangent gathered at the same indices, d gather(x, I) = gather(t, I); none for the
   * integer indices.
   */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return input == 0 ? Op.applyToTangent(output, tangent, input) : null;
  }

  /** Returns that a gather is linear in the gathered tensor. */
  @Override
  public Algebra algebra() {
    return ALGEBRA;
  }

  private static final Algebra ALGEBRA = Algebra.NONE.withLinear(0).withPhrase("a gather");

  @Override
  public Notation notation() {
    return Notation.function("gather", "\\operatorname{gather}");
  }

  @Override
  public String label() {
    return "gather axis " + axis;
  }
}
