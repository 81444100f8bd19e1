package dev.chainrule.core.tensor;

/**
 * Convolution and pooling written the obvious way for the tests, from the definitions with one
 * loop per index, independent of the im2col kernels: every (sample, filter, output row, output
 * column, channel, tap row, tap column) whose tap lands inside the input is visited once.
 */
public final class NaiveConvolution {
  private NaiveConvolution() {}

  /** One tap: flat indices into the output, the kernel and the input. */
  private interface Tap {
    void at(int z, int w, int x);
  }

  private static int out(int size, int k, int s, int p, int d) {
    return (size + 2 * p - d * (k - 1) - 1) / s + 1;
  }

  private static void taps(int[] x, int[] w, Window2d win, int groups, Tap tap) {
    int n = x[0];
    int c = x[1];
    int f = w[0];
    int cg = w[1];
    int oh = out(x[2], w[2], win.strideH(), win.padH(), win.dilationH());
    int ow = out(x[3], w[3], win.strideW(), win.padW(), win.dilationW());
    int fg = f / groups;
    for (int s = 0; s < n; s++) {
      for (int o = 0; o < f; o++) {
        for (int y = 0; y < oh; y++) {
          for (int xx = 0; xx < ow; xx++) {
            for (int k = 0; k < cg; k++) {
              int ch = (o / fg) * cg + k;
              for (int i = 0; i < w[2]; i++) {
                for (int j = 0; j < w[3]; j++) {
                  int iy = y * win.strideH() - win.padH() + i * win.dilationH();
                  int ix = xx * win.strideW() - win.padW() + j * win.dilationW();
                  if (iy < 0 || iy >= x[2] || ix < 0 || ix >= x[3]) {
                    continue;
                  }
                  tap.at(((s * f + o) * oh + y) * ow + xx, ((o * cg + k) * w[2] + i) * w[3] + j,
                      ((s * c + ch) * x[2] + iy) * x[3] + ix);
                }
              }
            }
          }
        }
      }
    }
  }

  private static int[] outDims(int[] x, int[] w, Window2d win) {
    return new int[] {x[0], w[0], out(x[2], w[2], win.strideH(), win.padH(), win.dilationH()),
        out(x[3], w[3], win.strideW(), win.padW(), win.dilationW())};
  }

  /** Returns W ⋆ X. */
  public static Tensor conv(Tensor w, Tensor x, Window2d win, int groups) {
    int[] xd = x.shape().dims();
    int[] wd = w.shape().dims();
    Tensor z = Tensor.zeros(outDims(xd, wd, win));
    taps(xd, wd, win, groups, (zi, wi, xi) -> z.buffer()[zi] += w.buffer()[wi] * x.buffer()[xi]);
    return z;
  }

  /** Returns the transposed convolution W ⋆ᵀ G for an input of height h and width w. */
  public static Tensor transpose(Tensor w, Tensor g, Window2d win, int groups, int h, int wd) {
    int[] xd = {g.shape().dim(0), w.shape().dim(1) * groups, h, wd};
    Tensor dx = Tensor.zeros(xd);
    taps(xd, w.shape().dims(), win, groups,
        (zi, wi, xi) -> dx.buffer()[xi] += w.buffer()[wi] * g.buffer()[zi]);
    return dx;
  }

  /** Returns the kernel gradient X ⋆ G for a (kh, kw) kernel. */
  public static Tensor kernelGradient(Tensor x, Tensor g, Window2d win, int groups, int kh,
      int kw) {
    int[] wd = {g.shape().dim(1), x.shape().dim(1) / groups, kh, kw};
    Tensor dw = Tensor.zeros(wd);
    taps(x.shape().dims(), wd, win, groups,
        (zi, wi, xi) -> dw.buffer()[wi] += x.buffer()[xi] * g.buffer()[zi]);
    return dw;
  }

  /**
   * Visits every window of a pooling of {@code x} (n, c, h, w) over (kh, kw): for each output
   * element, the flat input index of its first largest tap, and the number of taps inside.
   */
  private interface Window {
    void at(int out, int argmax, int[] inside, int count);
  }

  private static int[] pool(Tensor x, int kh, int kw, Window2d win, Window visit) {
    int[] d = x.shape().dims();
    int oh = out(d[2], kh, win.strideH(), win.padH(), win.dilationH());
    int ow = out(d[3], kw, win.strideW(), win.padW(), win.dilationW());
    int[] inside = new int[kh * kw];
    for (int p = 0; p < d[0] * d[1]; p++) {
      for (int y = 0; y < oh; y++) {
        for (int xx = 0; xx < ow; xx++) {
          int count = 0;
          int best = -1;
          for (int i = 0; i < kh; i++) {
            for (int j = 0; j < kw; j++) {
              int iy = y * win.strideH() - win.padH() + i * win.dilationH();
              int ix = xx * win.strideW() - win.padW() + j * win.dilationW();
              if (iy >= 0 && iy < d[2] && ix >= 0 && ix < d[3]) {
                int at = (p * d[2] + iy) * d[3] + ix;
                inside[count++] = at;
                if (best < 0 || x.buffer()[at] > x.buffer()[best]) {
                  best = at;
                }
              }
            }
          }
          visit.at((p * oh + y) * ow + xx, best, inside, count);
        }
      }
    }
    return new int[] {d[0], d[1], oh, ow};
  }

  /** Returns, per window of x, v at the window's first maximum (v = x: max pooling). */
  public static Tensor maxGather(Tensor x, Tensor v, int kh, int kw, Window2d win) {
    double[] o = new double[Naive.size(pooled(x, kh, kw, win))];
    int[] dims = pool(x, kh, kw, win, (out, argmax, in, n) -> o[out] = v.buffer()[argmax]);
    return Tensor.of(o, dims);
  }

  private static int[] pooled(Tensor x, int kh, int kw, Window2d win) {
    int[] d = x.shape().dims();
    return new int[] {d[0], d[1], out(d[2], kh, win.strideH(), win.padH(), win.dilationH()),
        out(d[3], kw, win.strideW(), win.padW(), win.dilationW())};
  }

  /** Returns the sum of g over the windows whose maximum in x lies at each position. */
  public static Tensor maxScatter(Tensor x, Tensor g, int kh, int kw, Window2d win) {
    Tensor dx = Tensor.zeros(x.shape());
    pool(x, kh, kw, win, (out, argmax, in, n) -> dx.buffer()[argmax] += g.buffer()[out]);
    return dx;
  }

  /** Returns the mean of every window of x, padding counted as zeros. */
  public static Tensor avgPool(Tensor x, int kh, int kw, Window2d win) {
    double[] o = new double[Naive.size(pooled(x, kh, kw, win))];
    int[] dims = pool(x, kh, kw, win, (out, argmax, in, n) -> {
      for (int t = 0; t < n; t++) {
        o[out] += x.buffer()[in[t]] / (kh * kw);
      }
    });
    return Tensor.of(o, dims);
  }

  /** Returns g spread evenly over the windows of an input of x's shape. */
  public static Tensor avgTranspose(Shape input, Tensor g, int kh, int kw, Window2d win) {
    Tensor dx = Tensor.zeros(input);
    pool(dx, kh, kw, win, (out, argmax, in, n) -> {
      for (int t = 0; t < n; t++) {
        dx.buffer()[in[t]] += g.buffer()[out] / (kh * kw);
      }
    });
    return dx;
  }
}
