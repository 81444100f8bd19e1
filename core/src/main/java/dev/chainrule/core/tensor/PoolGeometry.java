package dev.chainrule.core.tensor;

/**
 * The sizes of one 2-D pooling in NCHW layout: each (kh, kw) window of every channel of an input
 * (n, c, h, w) becomes one element of an output (n, c, oh, ow). Its factory checks the sizes and
 * says, in the user's terms, why they do not fit.
 *
 * @param n the batch size
 * @param c the channels
 * @param h the input height
 * @param w the input width
 * @param kh the window height
 * @param kw the window width
 * @param oh the output height
 * @param ow the output width
 * @param window the stride, padding and dilation
 */
public record PoolGeometry(int n, int c, int h, int w, int kh, int kw, int oh, int ow,
    Window2d window) {
  /**
   * Returns the geometry of pooling {@code input} (n, c, h, w) over (kh, kw) windows, or throws
   * an {@link IllegalArgumentException} naming the shape and what does not fit. As in PyTorch the
   * padding may be at most half the window; and every window must cover some input (a dilated
   * window on a small input may not).
   */
  public static PoolGeometry of(Shape input, int kh, int kw, Window2d window) {
    if (input.rank() != 4) {
      throw new IllegalArgumentException("the input must have rank 4, (batch, channels, height, "
          + "width), got " + input);
    }
    if (kh < 1 || kw < 1) {
      throw new IllegalArgumentException("a pooling window needs at least 1×1 taps, got " + kh
          + "×" + kw);
    }
    if (2 * window.padH() > kh || 2 * window.padW() > kw) {
      throw new IllegalArgumentException("padding (" + window.padH() + ", " + window.padW()
          + ") is more than half the " + kh + "×" + kw + " window; a window would cover only "
          + "padding");
    }
    int[] x = input.dims();
    int oh = window.outputSize(x[2], kh, true);
    int ow = window.outputSize(x[3], kw, false);
    if (oh < 1 || ow < 1) {
      throw new IllegalArgumentException("the " + kh + "×" + kw + " window does not fit the "
          + x[2] + "×" + x[3] + " input " + input
          + (window.label().isEmpty() ? "" : " with " + window.label()));
    }
    requireCovered(input, "height", x[2], kh, oh, window.strideH(), window.padH(),
        window.dilationH());
    requireCovered(input, "width", x[3], kw, ow, window.strideW(), window.padW(),
        window.dilationW());
    return new PoolGeometry(x[0], x[1], x[2], x[3], kh, kw, oh, ow, window);
  }

  /**
   * Throws when one of the {@code count} windows along an axis has every tap over the padding,
   * which a dilated window can even with the padding at most half the window.
   */
  private static void requireCovered(Shape input, String axis, int size, int k, int count,
      int stride, int pad, int dilation) {
    for (int o = 0; o < count; o++) {
      int first = o * stride - pad;
      boolean covered = false;
      for (int i = 0; i < k && !covered; i++) {
        covered = first + i * dilation >= 0 && first + i * dilation < size;
      }
      if (!covered) {
        throw new IllegalArgumentException("window " + o + " along the " + axis + " of the input "
            + input + " covers only padding (" + k + " taps " + dilation + " apart from "
            + first + ", padding " + pad + "); use less padding or dilation");
      }
    }
  }

  /** Returns the input's shape (n, c, h, w). */
  public Shape inputShape() {
    return Shape.of(n, c, h, w);
  }

  /** Returns the output's shape (n, c, oh, ow). */
  public Shape outputShape() {
    return Shape.of(n, c, oh, ow);
  }

  /** Returns the window's settings and size as labels write them, e.g. "2×2, stride 2". */
  public static String label(int kh, int kw, Window2d window) {
    String l = window.label();
    return kh + "×" + kw + (l.isEmpty() ? "" : ", " + l);
  }
}
