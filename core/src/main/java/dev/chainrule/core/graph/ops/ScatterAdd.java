package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Algebra;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * Adds slices of g into a zero tensor at integer indices along one axis, the derivative of {@link
 * Gather}: for g of shape (a, I…, b) and indices I, y[o, j, i] = Σ over positions p with
 * I[p] = j of g[o, p, i], of shape (a, size, b). Repeated indices add up. It is linear in g, and
 * its own derivative is the gather of the gradient, so second derivatives of a gather work.
 *
 * @param axis the normalised axis of the result the indices point along
 * @param size the length of that axis (the gathered tensor's)
 * @param origin the operation and user line that built the gather, named by an index error
 */
public record ScatterAdd(int axis, int size, String origin) implements Op {
  @Override
  public String name() {
    return "scatter_add";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    Shape g = inputs.get(0);
    int[] idx = inputs.get(1).dims();
    int[] d = g.dims();
    boolean fits = axis + idx.length <= d.length
        && Arrays.equals(Arrays.copyOfRange(d, axis, axis + idx.length), idx);
    if (!fits) {
      throw new IllegalArgumentException("scatter-add along axis " + axis + " needs the values' "
          + "dimensions from axis " + axis + " on to start with the indices' " + inputs.get(1)
          + ", got values " + g);
    }
    return AxisBlocks.replace(g, axis, axis + idx.length, size);
  }

  @Override
  public void forward(Tensor[] inputs, Tensor out) {
    Shape g = inputs[0].shape();
    int inner = AxisBlocks.inner(g, axis + inputs[1].rank());
    Object src = AxisBlocks.storage(inputs[0]);
    Object dst = AxisBlocks.storage(out);
    out.fillInPlace(0.0);
    AxisBlocks.forEachPick(inputs[1], AxisBlocks.outer(g, axis), size, inner, origin,
        (table, picked) -> AxisBlocks.addBlock(src, picked, dst, table, inner));
  }

  /**
   * Returns true: it adds in either dtype (in float32, repeated indices add up in float, as
   * PyTorch's {@code index_add_} does).
   */
  @Override
  public boolean supports(DType dtype) {
    return true;
  }

  /** Returns true for the values only: integer indices have no gradient. */
  @Override
  public boolean differentiable(int input) {
    return input == 0;
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    return input != 0 ? null : upstream.graph().apply(new Gather(axis, origin), upstream,
        output.inputs().get(1));
  }

  /**
   * Returns the tangent scattered to the same indices, d scatter_add(g, I) = scatter_add(t, I);
   * none for the integer indices.
   */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return input == 0 ? Op.applyToTangent(output, tangent, input) : null;
  }

  /** Returns that a scatter-add is linear in the values. */
  @Override
  public Algebra algebra() {
    return ALGEBRA;
  }

  private static final Algebra ALGEBRA = Algebra.NONE.withLinear(0).withPhrase("a scatter-add");

  @Override
  public Notation notation() {
    return Notation.function("scatter_add", "\\operatorname{scatter\\_add}");
  }

  @Override
  public String label() {
    return "scatter_add axis " + axis + " → " + size;
  }
}
