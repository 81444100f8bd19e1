package dev.chainrule.core.tensor;

import java.util.Arrays;

/** The innermost loops of the convolution and pooling kernels on {@code double[]} tensors. */
enum DoubleWindowLoops implements WindowLoops<double[]> {
  /** The one instance. */
  INSTANCE;

  @Override
  public GemmPrecision<double[]> gemm() {
    return DoublePrecision.INSTANCE;
  }

  @Override
  public double[] allocate(int length) {
    return new double[length];
  }

  @Override
  public void zero(double[] a, int from, int to) {
    Arrays.fill(a, from, to, 0.0);
  }

  @Override
  public void gather(double[] src, int from, int step, double[] dst, int to, int count) {
    if (step == 1) {
      System.arraycopy(src, from, dst, to, count);
      return;
    }
    for (int i = 0; i < count; i++) {
      dst[to + i] = src[from + i * step];
    }
  }

  @Override
  public void copy(double[] src, int from, double[] dst, int to) {
    dst[to] = src[from];
  }

  @Override
  public void scatterAdd(double[] src, int from, double[] dst, int to, int step, int count) {
    for (int i = 0; i < count; i++) {
      dst[to + i * step] += src[from + i];
    }
  }

  @Override
  public int argmax(double[] x, int plane, int[] offsets, int from, int to) {
    int best = -1;
    for (int t = from; t < to; t++) {
      int o = offsets[t];
      if (o >= 0 && (best < 0 || x[plane + o] > x[plane + best])) {
        best = o;
      }
    }
    return best;
  }

  @Override
  public void average(double[] x, int plane, int[] offsets, int from, int to, int taps,
      double[] out, int at) {
    double sum = 0;
    for (int t = from; t < to; t++) {
      if (offsets[t] >= 0) {
        sum += x[plane + offsets[t]];
      }
    }
    out[at] = sum / taps;
  }

  @Override
  public void spread(double[] g, int at, int taps, double[] dx, int plane, int[] offsets,
      int from, int to) {
    double share = g[at] / taps;
    for (int t = from; t < to; t++) {
      if (offsets[t] >= 0) {
        dx[plane + offsets[t]] += share;
      }
    }
  }
}
