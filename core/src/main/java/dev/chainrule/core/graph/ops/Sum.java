package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Algebra;
import dev.chainrule.core.graph.FormulaWriter;
import dev.chainrule.core.graph.Kernel;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.Rewrite;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.ReduceLoop;
import dev.chainrule.core.tensor.Shape;
import java.util.Arrays;
import java.util.List;

/**
 * Sums over the given axes; its derivative broadcasts the gradient back over them. The seeds'
 * db = Σ dZ is this operation met in the backward pass of a broadcast bias.
 *
 * @param axes the reduced axes and whether they are kept (see {@link Axes#of})
 */
public record Sum(Axes axes) implements PreparedOp {
  @Override
  public String name() {
    return "sum";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    return axes.reduce(inputs.get(0));
  }

  /** Adds up k terms when it sums k elements, or along an axis of size k (Σ over samples). */
  @Override
  public boolean addsUp(Node output, double k) {
    Shape input = output.inputs().get(0).shape();
    return axes.count(input) == k
        || Arrays.stream(axes.toArray()).anyMatch(axis -> input.dim(axis) == k);
  }

  /**
   * Returns the kernel: the sum over the axes, in either dtype (a float32 sum accumulates in
   * float64).
   */
  @Override
  public Kernel prepare(List<Shape> inputs, Shape output, DType dtype) {
    ReduceLoop loop = new ReduceLoop(inputs.get(0), axes.array());
    return LoopKernels.unary(dtype, loop::sum, loop::sum);
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Shape x = output.inputs().get(0).shape();
    return axes.withKeptDims(upstream, x).broadcastTo(x);
  }

  /** Returns d Σ x = Σ tx: the sum is linear, so it is itself applied to the tangent. */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return Op.applyToTangent(output, tangent, input);
  }

  /**
   * Returns 1ᵀ·M, the column sums of M, for a sum to one element (M itself over axes of size 1).
   */
  @Override
  public Node jmp(Node output, Node columns, int input) {
    return JacobianProducts.summed(columns, output.inputs().get(0).shape(), output.shape());
  }

  /**
   * Returns that the sum is linear, that over axes of size 1 it is a reshape at most, and that
   * summing x broadcast along exactly the summed axes gives n·x.
   */
  @Override
  public Algebra algebra() {
    return ALGEBRA;
  }

  private static final Algebra ALGEBRA = Algebra.NONE.withLinear(0).withIdentity(
      Rewrite.Family.REDUCTIONS,
      (op, in, c) -> ReductionIdentities.simplified(op, ((Sum) op).axes, false, in, c));

  /** Writes Σ x, with the summed axes when the printer shows them. */
  @Override
  public <F> F formula(FormulaWriter<F> w) {
    return w.sigma(w.showsAxes() ? axes.formulaLabel() : "", w.operand(0));
  }

  @Override
  public Notation notation() {
    return Notation.function("Σ", "\\sum");
  }

  @Override
  public String label() {
    return ("Σ " + axes.label());
  }
}
