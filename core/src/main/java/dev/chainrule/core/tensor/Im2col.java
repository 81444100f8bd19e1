package dev.chainrule.core.tensor;

/**
 * The column matrix of one sample and channel group of a convolution, and its adjoint: row
 * (c·kh + i)·kw + j, column y·ow + x of the matrix holds the input element under tap (i, j) of
 * the window at output position (y, x), or 0 where the window hangs over the padding. A
 * convolution is then one matrix product with the kernel; its input gradient scatters a column
 * matrix back onto the input ({@link #accumulate}). Written once for both element types; the
 * row copies are {@link WindowLoops}'.
 */
final class Im2col {
  private Im2col() {}

  /** Writes the column matrix of {@code sample}'s channel group {@code group} of x into cols. */
  static <A> void fill(ConvGeometry g, A x, int sample, int group, A cols,
      WindowLoops<A> loops) {
    walk(g, x, sample, group, cols, false, loops);
  }

  /** Adds the column matrix {@code cols} onto {@code sample}'s channel group of dx. */
  static <A> void accumulate(ConvGeometry g, A cols, int sample, int group, A dx,
      WindowLoops<A> loops) {
    walk(g, dx, sample, group, cols, true, loops);
  }

  private static <A> void walk(ConvGeometry g, A image, int sample, int group, A cols,
      boolean scatter, WindowLoops<A> loops) {
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
                loops.zero(cols, dst, dst + g.ow());
              }
              continue;
            }
            int src = planeStart + y * g.w() + dx;
            if (scatter) {
              loops.scatterAdd(cols, dst + lo, image, src + lo * win.strideW(), win.strideW(),
                  hi - lo);
            } else {
              gatherRow(image, src, cols, dst, lo, hi, g.ow(), win.strideW(), loops);
            }
          }
        }
      }
    }
  }

  private static <A> void gatherRow(A x, int src, A cols, int dst, int lo, int hi, int ow,
      int stride, WindowLoops<A> loops) {
    loops.zero(cols, dst, dst + lo);
    loops.gather(x, src + lo * stride, stride, cols, dst + lo, hi - lo);
    loops.zero(cols, dst + hi, dst + ow);
  }
}
