package dev.chainrule.core.tensor;

import java.util.Arrays;

/**
 * The column matrix of one sample and channel group of a convolution, and its adjoint: row
 * (c·kh + i)·kw + j, column y·ow + x of the matrix holds the input element under tap (i, j) of
 * the window at output position (y, x), or 0 where the window hangs over the padding. A
 * convolution is then one matrix product with the kernel; its input gradient scatters a column
 * matrix back onto the input ({@link #accumulate}).
 */
final class Im2col {
  private Im2col() {}

  /** Writes the column matrix of {@code sample}'s channel group {@code group} of x into cols. */
  static void fill(ConvGeometry g, double[] x, int sample, int group, double[] cols) {
    walk(g, x, sample, group, cols, false);
  }

  /** Adds the column matrix {@code cols} onto {@code sample}'s channel group of dx. */
  static void accumulate(ConvGeometry g, double[] cols, int sample, int group, double[] dx) {
    walk(g, dx, sample, group, cols, true);
  }

  private static void walk(ConvGeometry g, double[] image, int sample, int group, double[] cols,
      boolean scatter) {
    Window2d win = g.window();
    int groupChannels = g.c() / g.groups();
    int positions = g.positions();
    int plane = g.h() * g.w();
    for (int c = 0; c < groupChannels; c++) {
      int planeStart = (sample * g.c() + group * groupChannels + c) * plane;
      for (int i = 0; i < g.kh(); i++) {
        int dy = i * win.dilationH() - win.padH();
        for (int j = 0; j < g.kw(); j++) {
          int dx = j * win.dilationW() - win.padW();
          int lo = dx >= 0 ? 0 : Math.min(g.ow(), (-dx + win.strideW() - 1) / win.strideW());
          int hi = g.w() - 1 - dx < 0 ? 0 : Math.min(g.ow(), (g.w() - 1 - dx) / win.strideW() + 1);
          hi = Math.max(lo, hi);
          int row = ((c * g.kh() + i) * g.kw() + j) * positions;
          for (int oy = 0; oy < g.oh(); oy++) {
            int y = oy * win.strideH() + dy;
            int dst = row + oy * g.ow();
            if (y < 0 || y >= g.h()) {
              if (!scatter) {
                Arrays.fill(cols, dst, dst + g.ow(), 0.0);
              }
              continue;
            }
            int src = planeStart + y * g.w() + dx;
            if (scatter) {
              scatterRow(cols, dst, image, src, lo, hi, win.strideW());
            } else {
              gatherRow(image, src, cols, dst, lo, hi, g.ow(), win.strideW());
            }
          }
        }
      }
    }
  }

  private static void gatherRow(double[] x, int src, double[] cols, int dst, int lo, int hi,
      int ow, int stride) {
    Arrays.fill(cols, dst, dst + lo, 0.0);
    if (stride == 1) {
      System.arraycopy(x, src + lo, cols, dst + lo, hi - lo);
    } else {
      for (int ox = lo; ox < hi; ox++) {
        cols[dst + ox] = x[src + ox * stride];
      }
    }
    Arrays.fill(cols, dst + hi, dst + ow, 0.0);
  }

  private static void scatterRow(double[] cols, int dst, double[] dx, int src, int lo, int hi,
      int stride) {
    for (int ox = lo; ox < hi; ox++) {
      dx[src + ox * stride] += cols[dst + ox];
    }
  }
}
