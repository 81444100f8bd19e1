package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Algebra;
import dev.chainrule.core.graph.FormulaWriter;
import dev.chainrule.core.graph.Kernel;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.Rewrite;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Reduce;
import dev.chainrule.core.tensor.ReduceLoop;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/**
 * Averages over the given axes; its derivative spreads the gradient evenly back over them.
 *
 * @param axes the reduced axes and whether they are kept (see {@link Axes#of})
 */
public record Mean(Axes axes) implements Op {
  @Override
  public String name() {
    return "mean";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    return axes.reduce(inputs.get(0));
  }

  @Override
  public void forward(Tensor[] inputs, Tensor out) {
    Reduce.sumInto(inputs[0], axes.array(), out);
    out.scaleInPlace(1.0 / axes.count(inputs[0].shape()));
  }

  /** Returns true: its reduction has a float32 loop (summing in float64). */
  @Override
  public boolean supports(DType dtype) {
    return true;
  }

  @Override
  public Kernel prepare(List<Shape> inputs, Shape output, DType dtype) {
    if (dtype == DType.FLOAT64) {
      return prepare(inputs, output);
    }
    ReduceLoop loop = new ReduceLoop(inputs.get(0), axes.array());
    float factor = (float) (1.0 / axes.count(inputs.get(0)));
    return (in, out) -> {
      float[] o = out.floatBuffer();
      loop.sum(in[0].floatBuffer(), o);
      for (int i = 0; i < o.length; i++) {
        o[i] *= factor;
      }
    };
  }

  @Override
  public Kernel prepare(List<Shape> inputs, Shape output) {
    ReduceLoop loop = new ReduceLoop(inputs.get(0), axes.array());
    double factor = 1.0 / axes.count(inputs.get(0));
    return (in, out) -> {
      double[] o = out.buffer();
      loop.sum(in[0].buffer(), o);
      for (int i = 0; i < o.length; i++) {
        o[i] *= factor;
      }
    };
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node x = output.inputs().get(0);
    Shape kept = axes.kept(x.shape());
    Node g = upstream.shape().equals(kept) ? upstream : upstream.reshape(kept.dims());
    return g.broadcastTo(x.shape()).div(axes.count(x.shape()));
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
    return w.showsAxes() ? w.function("mean", x, w.text(axes.formulaLabel())) : w.generic(notation());
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
