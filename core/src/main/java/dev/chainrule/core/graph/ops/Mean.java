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
import java.util.List;

/**
 * Averages over the given axes; its derivative spreads the gradient evenly back over them.
 *
 * @param axes the reduced axes and whether they are kept (see {@link Axes#of})
 */
public record Mean(Axes axes) implements PreparedOp {
  @Override
  public String name() {
    return "mean";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    return axes.reduce(inputs.get(0));
  }

  /** Adds up k terms when it averages k elements. */
  @Override
  public boolean addsUp(Node output, double k) {
    return axes.count(output.inputs().get(0).shape()) == k;
  }

  /**
   * Returns the kernel: the sum over the axes, in either dtype (a float32 sum accumulates in
   * float64), multiplied by 1/n.
   */
  @Override
  public Kernel prepare(List<Shape> inputs, Shape output, DType dtype) {
    ReduceLoop loop = new ReduceLoop(inputs.get(0), axes.array());
    Kernel sum = LoopKernels.unary(dtype, loop::sum, loop::sum);
    double factor = 1.0 / axes.count(inputs.get(0));
    return (in, out) -> {
      sum.run(in, out);
      out.scaleInPlace(factor);
    };
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Shape x = output.inputs().get(0).shape();
    return axes.withKeptDims(upstream, x).broadcastTo(x).div(axes.count(x));
  }

  /** Returns d mean(x) = mean(tx): the mean is linear, so it is itself applied to the tangent. */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return Op.applyToTangent(output, tangent, input);
  }

  /** Returns 1ᵀ·M/n, the column means of M, for a mean of n elements to one. */
  @Override
  public Node jmp(Node output, Node columns, int input) {
    Shape in = output.inputs().get(0).shape();
    Node sums = JacobianProducts.summed(columns, in, output.shape());
    int n = in.size() / output.shape().size();
    return sums == null || n == 1 ? sums : sums.div(n);
  }

  /**
   * Returns that the mean is linear, that over axes of size 1 it is a reshape at most, and that
   * averaging x broadcast along exactly the averaged axes gives x.
   */
  @Override
  public Algebra algebra() {
    return ALGEBRA;
  }

  private static final Algebra ALGEBRA = Algebra.NONE.withLinear(0).withIdentity(
      Rewrite.Family.REDUCTIONS,
      (op, in, c) -> ReductionIdentities.simplified(op, ((Mean) op).axes, true, in, c));

  /** Writes mean(x), with the averaged axes when the printer shows them. */
  @Override
  public <F> F formula(FormulaWriter<F> w) {
    F x = w.operand(0);
    return w.showsAxes()
        ? w.function("mean", x, w.axes(axes.formulaLabel()))
        : w.generic(notation());
  }

  @Override
  public Notation notation() {
    return Notation.function("mean", "\\operatorname{mean}");
  }

  @Override
  public String label() {
    return ("mean " + axes.label());
  }
}
