package dev.chainrule.core.tensor;

/**
 * The kernels of 2-D max and average pooling over NCHW tensors and of their derivatives. The
 * window taps of every output position are worked out once, as offsets into an input plane (−1
 * over padding), so each kernel is one loop over planes, positions and taps. Max pooling picks
 * the first largest tap of a window, as PyTorch does; average pooling divides by the window's
 * full size, padding included (PyTorch's {@code count_include_pad=True}). Every kernel has a
 * {@code double[]} and a {@code float[]} form (the float one computing in float), written once
 * with the element type's loops over a window's taps taken from {@link WindowLoops}.
 */
public final class Pooling {
  private final PoolGeometry g;
  private final int taps;
  private final int[] offsets;

  /** Prepares the kernels of {@code geometry}. */
  public Pooling(PoolGeometry geometry) {
    this.g = geometry;
    this.taps = geometry.kh() * geometry.kw();
    this.offsets = new int[geometry.oh() * geometry.ow() * taps];
    Window2d win = geometry.window();
    int k = 0;
    for (int oy = 0; oy < geometry.oh(); oy++) {
      for (int ox = 0; ox < geometry.ow(); ox++) {
        for (int i = 0; i < geometry.kh(); i++) {
          for (int j = 0; j < geometry.kw(); j++) {
            int y = oy * win.strideH() - win.padH() + i * win.dilationH();
            int x = ox * win.strideW() - win.padW() + j * win.dilationW();
            boolean inside = y >= 0 && y < geometry.h() && x >= 0 && x < geometry.w();
            offsets[k++] = inside ? y * geometry.w() + x : -1;
          }
        }
      }
    }
  }

  /** Writes the maximum of every window of {@code x} into {@code out}. */
  public void max(double[] x, double[] out) {
    maxGather(x, x, out, DoubleWindowLoops.INSTANCE);
  }

  /** Writes the maximum of every window of {@code x} into {@code out}, on floats. */
  public void max(float[] x, float[] out) {
    maxGather(x, x, out, FloatWindowLoops.INSTANCE);
  }

  /**
   * Writes, for every window, the element of {@code values} (shaped like the input) at the
   * position of the window's maximum in {@code x}: the derivative of max pooling taken forward.
   */
  public void maxGather(double[] x, double[] values, double[] out) {
    maxGather(x, values, out, DoubleWindowLoops.INSTANCE);
  }

  /** Writes what the double {@code maxGather} does, on floats. */
  public void maxGather(float[] x, float[] values, float[] out) {
    maxGather(x, values, out, FloatWindowLoops.INSTANCE);
  }

  /**
   * Writes into {@code dx} (shaped like the input) the sum of {@code upstream}'s elements over the
   * windows whose maximum in {@code x} lies at each position: max pooling's input gradient.
   */
  public void maxScatter(double[] x, double[] upstream, double[] dx) {
    maxScatter(x, upstream, dx, DoubleWindowLoops.INSTANCE);
  }

  /** Writes what the double {@code maxScatter} does, on floats, summing in float. */
  public void maxScatter(float[] x, float[] upstream, float[] dx) {
    maxScatter(x, upstream, dx, FloatWindowLoops.INSTANCE);
  }

  /** Writes the mean of every window of {@code x} (padding counted as 0) into {@code out}. */
  public void average(double[] x, double[] out) {
    average(x, out, DoubleWindowLoops.INSTANCE);
  }

  /** Writes the mean of every window of {@code x} into {@code out}, on floats, in float. */
  public void average(float[] x, float[] out) {
    average(x, out, FloatWindowLoops.INSTANCE);
  }

  /**
   * Writes into {@code dx} (shaped like the input) every window's share of {@code upstream},
   * spread evenly over its taps: average pooling's transpose, and so its input gradient.
   */
  public void averageTranspose(double[] upstream, double[] dx) {
    averageTranspose(upstream, dx, DoubleWindowLoops.INSTANCE);
  }

  /** Writes what the double {@code averageTranspose} does, on floats, in float. */
  public void averageTranspose(float[] upstream, float[] dx) {
    averageTranspose(upstream, dx, FloatWindowLoops.INSTANCE);
  }

  private <A> void maxGather(A x, A values, A out, WindowLoops<A> loops) {
    int positions = g.oh() * g.ow();
    int plane = g.h() * g.w();
    for (int p = 0; p < g.n() * g.c(); p++) {
      for (int q = 0; q < positions; q++) {
        int at = p * plane + loops.argmax(x, p * plane, offsets, q * taps, (q + 1) * taps);
        loops.copy(values, at, out, p * positions + q);
      }
    }
  }

  private <A> void maxScatter(A x, A upstream, A dx, WindowLoops<A> loops) {
    int positions = g.oh() * g.ow();
    int plane = g.h() * g.w();
    loops.zero(dx, 0, g.n() * g.c() * plane);
    for (int p = 0; p < g.n() * g.c(); p++) {
      for (int q = 0; q < positions; q++) {
        int at = p * plane + loops.argmax(x, p * plane, offsets, q * taps, (q + 1) * taps);
        loops.scatterAdd(upstream, p * positions + q, dx, at, 1, 1);
      }
    }
  }

  private <A> void average(A x, A out, WindowLoops<A> loops) {
    int positions = g.oh() * g.ow();
    int plane = g.h() * g.w();
    for (int p = 0; p < g.n() * g.c(); p++) {
      for (int q = 0; q < positions; q++) {
        loops.average(x, p * plane, offsets, q * taps, (q + 1) * taps, taps, out,
            p * positions + q);
      }
    }
  }

  private <A> void averageTranspose(A upstream, A dx, WindowLoops<A> loops) {
    int positions = g.oh() * g.ow();
    int plane = g.h() * g.w();
    loops.zero(dx, 0, g.n() * g.c() * plane);
    for (int p = 0; p < g.n() * g.c(); p++) {
      for (int q = 0; q < positions; q++) {
        loops.spread(upstream, p * positions + q, taps, dx, p * plane, offsets, q * taps,
            (q + 1) * taps);
      }
    }
  }
}
