package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Kernel;
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
}
