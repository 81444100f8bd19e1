package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Kernel;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;

/**
 * The strided loop shared by softmax and log-softmax: one pass per lane along an axis. An instance
 * holds the loop bounds for one shape, worked out once; it keeps no other state.
 */
final class AxisLoops implements Kernel {
  private final int n;
  private final int stride;
  private final int outer;
  private final boolean log;
  /** The exponentials of one lane of a float32 tensor, kept in float64 until the division. */
  private double[] lane;

  private AxisLoops(Shape shape, int axis, boolean log) {
    this.n = shape.dim(axis);
    this.stride = shape.strides()[axis];
    this.outer = shape.size() / Math.max(1, n * stride);
    this.log = log;
  }

  /** Returns the prepared softmax (or its log) along {@code axis} of tensors of {@code shape}. */
  static Kernel prepare(Shape shape, int axis, boolean log) {
    return new AxisLoops(shape, axis, log);
  }

  /** Writes softmax (or its logarithm) of {@code in} along {@code axis} into {@code out}. */
  static void softmax(Tensor in, int axis, Tensor out, boolean log) {
    new AxisLoops(in.shape(), axis, log).run(new Tensor[] {in}, out);
  }

  @Override
  public void run(Tensor[] inputs, Tensor out) {
    if (out.dtype() == DType.FLOAT32) {
      runFloat(inputs[0].floatBuffer(), out.floatBuffer());
      return;
    }
    double[] x = inputs[0].buffer();
    double[] o = out.buffer();
    for (int block = 0; block < outer; block++) {
      for (int lane = 0; lane < stride; lane++) {
        int base = block * n * stride + lane;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
          max = Math.max(max, x[base + j * stride]);
        }
        double sum = 0;
        for (int j = 0; j < n; j++) {
          double e = Math.exp(x[base + j * stride] - max);
          o[base + j * stride] = e;
          sum += e;
        }
        if (log) {
          double logSum = Math.log(sum);
          for (int j = 0; j < n; j++) {
            o[base + j * stride] = x[base + j * stride] - max - logSum;
          }
        } else {
          double inv = 1.0 / sum;
          for (int j = 0; j < n; j++) {
            o[base + j * stride] *= inv;
          }
        }
      }
    }
  }

  /**
   * The float32 softmax (or its log): the float64 computation above on the widened elements,
   * each result rounded to float32 once.
   */
  private void runFloat(float[] x, float[] o) {
    if (lane == null) {
      lane = new double[n];
    }
    for (int block = 0; block < outer; block++) {
      for (int l = 0; l < stride; l++) {
        int base = block * n * stride + l;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
          max = Math.max(max, x[base + j * stride]);
        }
        double sum = 0;
        for (int j = 0; j < n; j++) {
          lane[j] = Math.exp(x[base + j * stride] - max);
          sum += lane[j];
        }
        double shift = log ? max + Math.log(sum) : 0;
        double inv = 1.0 / sum;
        for (int j = 0; j < n; j++) {
          o[base + j * stride] = (float) (log ? x[base + j * stride] - shift : lane[j] * inv);
        }
      }
    }
  }
}
