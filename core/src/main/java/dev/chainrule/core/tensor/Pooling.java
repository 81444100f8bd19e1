package dev.chainrule.core.tensor;

import java.util.Arrays;

/**
 * The kernels of 2-D max and average pooling over NCHW tensors and of their derivatives. The
 * window taps of every output position are worked out once, as offsets into an input plane (−1
 * over padding), so each kernel is one loop over planes, positions and taps. Max pooling picks
 * the first largest tap of a window, as PyTorch does; average pooling divides by the window's
 * full size, padding included (PyTorch's {@code count_include_pad=True}).
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
    maxGather(x, x, out);
  }

  /**
   * Writes, for every window, the element of {@code values} (shaped like the input) at the
   * position of the window's maximum in {@code x}: the derivative of max pooling taken forward.
   */
  public void maxGather(double[] x, double[] values, double[] out) {
    int positions = g.oh() * g.ow();
    int plane = g.h() * g.w();
    for (int p = 0; p < g.n() * g.c(); p++) {
      for (int q = 0; q < positions; q++) {
        out[p * positions + q] = values[p * plane + argmax(x, p * plane, q)];
      }
    }
  }

  /**
   * Writes into {@code dx} (shaped like the input) the sum of {@code upstream}'s elements over the
   * windows whose maximum in {@code x} lies at each position: max pooling's input gradient.
   */
  public void maxScatter(double[] x, double[] upstream, double[] dx) {
    int positions = g.oh() * g.ow();
    int plane = g.h() * g.w();
    Arrays.fill(dx, 0, g.n() * g.c() * plane, 0.0);
    for (int p = 0; p < g.n() * g.c(); p++) {
      for (int q = 0; q < positions; q++) {
        dx[p * plane + argmax(x, p * plane, q)] += upstream[p * positions + q];
      }
    }
  }

  /** Writes the mean of every window of {@code x} (padding counted as 0) into {@code out}. */
  public void average(double[] x, double[] out) {
    int positions = g.oh() * g.ow();
    int plane = g.h() * g.w();
    for (int p = 0; p < g.n() * g.c(); p++) {
      for (int q = 0; q < positions; q++) {
        double sum = 0;
        for (int t = q * taps; t < (q + 1) * taps; t++) {
          if (offsets[t] >= 0) {
            sum += x[p * plane + offsets[t]];
          }
        }
        out[p * positions + q] = sum / taps;
      }
    }
  }

  /**
   * Writes into {@code dx} (shaped like the input) every window's share of {@code upstream},
   * spread evenly over its taps: average pooling's transpose, and so its input gradient.
   */
  public void averageTranspose(double[] upstream, double[] dx) {
    int positions = g.oh() * g.ow();
    int plane = g.h() * g.w();
    Arrays.fill(dx, 0, g.n() * g.c() * plane, 0.0);
    for (int p = 0; p < g.n() * g.c(); p++) {
      for (int q = 0; q < positions; q++) {
        double share = upstream[p * positions + q] / taps;
        for (int t = q * taps; t < (q + 1) * taps; t++) {
          if (offsets[t] >= 0) {
            dx[p * plane + offsets[t]] += share;
          }
        }
      }
    }
  }

  /** Returns the plane offset of the first largest tap of window {@code q} of a plane. */
  private int argmax(double[] x, int planeStart, int q) {
    int best = -1;
    double bestValue = 0;
    for (int t = q * taps; t < (q + 1) * taps; t++) {
      int o = offsets[t];
      if (o >= 0 && (best < 0 || x[planeStart + o] > bestValue)) {
        best = o;
        bestValue = x[planeStart + o];
      }
    }
    return best;
  }
}
