package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.FormulaWriter;
import dev.chainrule.core.graph.Kernel;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/**
 * Cross-entropy of softmax(z) against targets y along one axis, fused and stable:
 * −Σ y·log softmax(z) = lse(z)·Σ y − Σ y·z with lse(z) = log Σ e^z, one value per slice (the axis
 * is kept with size 1). Its derivative is exact for any y: d/dz = softmax(z)·Σ y − y, which is
 * the textbook P − Y wherever the targets along the axis sum to 1 (one-hot labels or
 * distributions; the rewriter drops the Σ y only when told so); d/dy = −log softmax(z).
 *
 * @param axis the normalised (non-negative) class axis
 */
public record SoftmaxCrossEntropy(int axis) implements Op {
  @Override
  public String name() {
    return "softmax_cross_entropy";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    Shape z = inputs.get(0);
    if (!z.equals(inputs.get(1))) {
      throw new IllegalArgumentException("logits " + z + " and targets " + inputs.get(1)
          + " must have the same shape");
    }
    Axes.checkAxis(z, axis);
    return z.reduce(new int[] {axis}, true);
  }

  @Override
  public void forward(Tensor[] inputs, Tensor out) {
    if (out.dtype() == DType.FLOAT32) {
      prepare(List.of(inputs[0].shape(), inputs[1].shape()), out.shape(), DType.FLOAT32)
          .run(inputs, out);
      return;
    }
    loss(inputs[0].buffer(), inputs[1].buffer(), out.buffer(), inputs[0].shape());
  }

  /** Returns true: in float32 it computes in float64 and rounds each loss once. */
  @Override
  public boolean supports(DType dtype) {
    return true;
  }

  /**
   * Returns the kernel; in float32 the float64 loop on the widened logits and targets (in scratch
   * arrays made once), each loss rounded to float32 once.
   */
  @Override
  public Kernel prepare(List<Shape> inputs, Shape output, DType dtype) {
    if (dtype == DType.FLOAT64) {
      return prepare(inputs, output);
    }
    Shape shape = inputs.get(0);
    double[] z = new double[shape.size()];
    double[] y = new double[shape.size()];
    double[] o = new double[output.size()];
    return (in, out) -> {
      float[] zf = in[0].floatBuffer();
      float[] yf = in[1].floatBuffer();
      for (int i = 0; i < z.length; i++) {
        z[i] = zf[i];
        y[i] = yf[i];
      }
      loss(z, y, o, shape);
      float[] of = out.floatBuffer();
      for (int i = 0; i < o.length; i++) {
        of[i] = (float) o[i];
      }
    };
  }

  /** Writes lse(z)·Σ y − Σ y·z of each slice along the axis of {@code z} (of {@code shape}). */
  private void loss(double[] z, double[] y, double[] o, Shape shape) {
    int n = shape.dim(axis);
    int stride = shape.strides()[axis];
    int outer = z.length / Math.max(1, n * stride);
    for (int block = 0; block < outer; block++) {
      for (int lane = 0; lane < stride; lane++) {
        int base = block * n * stride + lane;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
          max = Math.max(max, z[base + j * stride]);
        }
        double sum = 0;
        for (int j = 0; j < n; j++) {
          sum += Math.exp(z[base + j * stride] - max);
        }
        double lse = max + Math.log(sum);
        double loss = 0;
        for (int j = 0; j < n; j++) {
          loss += y[base + j * stride] * (lse - z[base + j * stride]);
        }
        o[block * stride + lane] = loss;
      }
    }
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node z = output.inputs().get(0);
    Node y = output.inputs().get(1);
    return input == 0 ? z.softmax(axis).mul(y.sumKeepDims(axis)).sub(y).mul(upstream)
        : upstream.mul(z.logSoftmax(axis)).neg();
  }

  /**
   * Returns d CE(softmax(z), y) = Σ((softmax(z) ∘ Σ y − y) ∘ tz) − Σ(log softmax(z) ∘ ty), one
   * term per input, with Σ along the axis kept: built from the stable softmax and log-softmax,
   * finite for any finite logits.
   */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    Node z = output.inputs().get(0);
    Node y = output.inputs().get(1);
    if (input == 1) {
      return z.logSoftmax(axis).mul(tangent).sumKeepDims(axis).neg();
    }
    return z.softmax(axis).mul(y.sumKeepDims(axis)).sub(y).mul(tangent).sumKeepDims(axis);
  }

  /**
   * Writes CE(softmax(z), y), the softmax with its axis as {@link Softmax} writes it:
   * CE(softmax(z, axis=1), y) for the rows of a batch in the row layout.
   */
  @Override
  public <F> F formula(FormulaWriter<F> w) {
    F softmax = SoftmaxFamily.along(w, "softmax", w.operand(0),
        w.node().inputs().get(0).shape(), axis);
    return w.function("CE", softmax, w.operand(1));
  }

  @Override
  public Notation notation() {
    return Notation.function("CE", "\\operatorname{CE}");
  }

  @Override
  public String label() {
    return "CE(softmax(z), y) axis=" + axis;
  }
}
