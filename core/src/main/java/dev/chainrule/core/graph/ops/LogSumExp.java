package dev.chainrule.core.graph.ops;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.graph.FormulaWriter;
import dev.chainrule.core.graph.Kernel;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.tensor.Shape;
import java.util.Arrays;
import java.util.List;

/**
 * log Σ eˣ over the given axes, computed stably as m + log Σ e^(x − m) with m the maximum over
 * the axes (−∞ when every element is −∞, +∞ when one is +∞, as PyTorch). Its derivative is the
 * softmax over the axes times the broadcast gradient: d lse = g ∘ e^(x − lse).
 *
 * @param axes the reduced axes and whether they are kept (see {@link Axes#of})
 */
public record LogSumExp(Axes axes) implements PreparedOp {
  @Override
  public String name() {
    return "logsumexp";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    return axes.reduce(inputs.get(0));
  }

  /**
   * Returns the kernel: in float64 the loop on the buffers, in float32 the float64 computation on
   * the widened elements (in scratch arrays made once), each result rounded to float32 once.
   */
  @Override
  public Kernel prepare(List<Shape> inputs, Shape output, DType dtype) {
    int[] target = targets(inputs.get(0));
    double[] peak = new double[output.size()];
    if (dtype == DType.FLOAT64) {
      return (in, out) -> run(in[0].buffer(), target, peak, out.buffer());
    }
    double[] wide = new double[inputs.get(0).size()];
    double[] sums = new double[output.size()];
    return (in, out) -> {
      float[] x = in[0].floatBuffer();
      for (int i = 0; i < wide.length; i++) {
        wide[i] = x[i];
      }
      run(wide, target, peak, sums);
      float[] o = out.floatBuffer();
      for (int t = 0; t < o.length; t++) {
        o[t] = (float) sums[t];
      }
    };
  }

  /** Returns, for each input element in row-major order, the output element it reduces into. */
  private int[] targets(Shape in) {
    int rank = in.rank();
    int[] strides = axes.kept(in).strides();
    for (int a : axes.array()) {
      strides[a] = 0;
    }
    int[] target = new int[in.size()];
    int[] index = new int[rank];
    int off = 0;
    for (int i = 0; i < target.length; i++) {
      target[i] = off;
      for (int d = rank - 1; d >= 0; d--) {
        off += strides[d];
        if (++index[d] < in.dim(d)) {
          break;
        }
        off -= strides[d] * index[d];
        index[d] = 0;
      }
    }
    return target;
  }

  private static void run(double[] x, int[] target, double[] peak, double[] o) {
    Arrays.fill(peak, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < x.length; i++) {
      int t = target[i];
      if (!(x[i] <= peak[t])) {
        peak[t] = x[i];
      }
    }
    for (int t = 0; t < peak.length; t++) {
      if (Double.isInfinite(peak[t])) {
        peak[t] = 0.0;
      }
    }
    Arrays.fill(o, 0.0);
    for (int i = 0; i < x.length; i++) {
      o[target[i]] += Math.exp(x[i] - peak[target[i]]);
    }
    for (int t = 0; t < o.length; t++) {
      o[t] = peak[t] + Math.log(o[t]);
    }
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node x = output.inputs().get(0);
    Node g = axes.withKeptDims(upstream, x.shape());
    Node lse = axes.withKeptDims(output, x.shape());
    return g.mul(x.sub(lse).exp());
  }

  /**
   * Returns d lse(x) = Σ(e^(x − lse) ∘ tx): the tangent weighted by the softmax over the axes,
   * the axes kept or dropped as the output has them.
   */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    Node x = output.inputs().get(0);
    Node lse = axes.withKeptDims(output, x.shape());
    return output.graph().apply(new Sum(axes), x.sub(lse).exp().mul(tangent));
  }

  /**
   * Writes logsumexp(x) when it reduces every axis longer than 1, else logsumexp(x, axis=k) (as
   * the softmax writes its axis); always with the axes when the printer shows them.
   */
  @Override
  public <F> F formula(FormulaWriter<F> w) {
    return w.showsAxes() || !axes.coverEveryLongAxis(w.node().inputs().get(0).shape())
        ? w.function("logsumexp", w.operand(0), w.axes(axes.formulaLabel()))
        : w.function("logsumexp", w.operand(0));
  }

  @Override
  public Notation notation() {
    return Notation.function("logsumexp", "\\operatorname{logsumexp}");
  }

  @Override
  public String label() {
    return "logsumexp " + axes.label();
  }
}
