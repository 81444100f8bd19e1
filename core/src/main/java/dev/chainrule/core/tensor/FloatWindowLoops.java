package dev.chainrule.core.tensor;

import java.util.Arrays;

/**
 * The innermost loops of the convolution and pooling kernels on {@code float[]} tensors, in float
 * arithmetic throughout (a window's sum too, as the float GEMM accumulates in float).
 */
enum FloatWindowLoops implements WindowLoops<float[]> {
  /** The one instance. */
  INSTANCE;

  @Override
  public GemmPrecision<float[]> gemm() {
    return FloatPrecision.INSTANCE;
  }

  @Override
  public float[] allocate(int length) {
    return new float[length];
  }

  @Override
  public void zero(float[] a, int from, int to) {
    Arrays.fill(a, from, to, 0.0f);
  }

  @Override
  public void gather(float[] src, int from, int step, float[] dst, int to, int count) {
    if (step == 1) {
      System.arraycopy(src, from, dst, to, count);
      return;
    }
    for (int i = 0; i < count; i++) {
      dst[to + i] = src[from + i * step];
    }
  }

  @Override
  public void copy(float[] src, int from, float[] dst, int to) {
    dst[to] = src[from];
  }

  @Override
  public void scatterAdd(float[] src, int from, float[] dst, int to, int step, int count) {
    for (int i = 0; i < count; i++) {
      dst[to + i * step] += src[from + i];
    }
  }

  @Override
  public int argmax(float[] x, int plane, int[] offsets, int from, int to) {
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
  public void average(float[] x, int plane, int[] offsets, int from, int to, int taps,
      float[] out, int at) {
    float sum = 0;
    for (int t = from; t < to; t++) {
      if (offsets[t] >= 0) {
        sum += x[plane + offsets[t]];
      }
    }
    out[at] = sum / taps;
  }

  @Override
  public void spread(float[] g, int at, int taps, float[] dx, int plane, int[] offsets,
      int from, int to) {
    float share = g[at] / taps;
    for (int t = from; t < to; t++) {
      if (offsets[t] >= 0) {
        dx[plane + offsets[t]] += share;
      }
    }
  }
}
