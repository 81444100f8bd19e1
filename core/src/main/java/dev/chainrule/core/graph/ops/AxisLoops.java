package dev.chainrule.core.graph.ops;

import dev.chainrule.core.tensor.Tensor;

/** The strided loop shared by softmax and log-softmax: one pass per lane along an axis. */
final class AxisLoops {
  private AxisLoops() {}

  /** Writes softmax (or its logarithm) of {@code in} along {@code axis} into {@code out}. */
  static void softmax(Tensor in, int axis, Tensor out, boolean log) {
    double[] x = in.buffer();
    double[] o = out.buffer();
    int[] dims = in.shape().dims();
    int n = dims[axis];
    int stride = in.shape().strides()[axis];
    int outer = x.length / Math.max(1, n * stride);
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
