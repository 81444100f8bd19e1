package dev.chainrule.core.tensor;

/**
 * How a 2-D window slides over the height and width of an NCHW tensor, for convolutions and
 * pools: its stride, the zero padding added on each side, and its dilation (the step between the
 * window's taps), each per axis. Along an axis of size n with a kernel of size k the window fits
 * {@code (n + 2·padding − dilation·(k − 1) − 1) / stride + 1} times, as in PyTorch.
 *
 * @param strideH the step between windows down the height
 * @param strideW the step between windows along the width
 * @param padH the zero rows added above and below
 * @param padW the zero columns added left and right
 * @param dilationH the step between a window's taps down the height
 * @param dilationW the step between a window's taps along the width
 */
public record Window2d(int strideH, int strideW, int padH, int padW, int dilationH,
    int dilationW) {
  /** Stride 1, no padding, no dilation: a window at every position that fits. */
  public static final Window2d DENSE = new Window2d(1, 1, 0, 0, 1, 1);

  /** Checks that strides and dilations are at least 1 and paddings at least 0. */
  public Window2d {
    if (strideH < 1 || strideW < 1 || dilationH < 1 || dilationW < 1 || padH < 0 || padW < 0) {
      throw new IllegalArgumentException("a window needs strides and dilations of at least 1 and "
          + "paddings of at least 0, got stride (" + strideH + ", " + strideW + "), padding ("
          + padH + ", " + padW + "), dilation (" + dilationH + ", " + dilationW + ")");
    }
  }

  /** Returns the window with the same stride, padding and dilation along both axes. */
  public static Window2d of(int stride, int padding, int dilation) {
    return new Window2d(stride, stride, padding, padding, dilation, dilation);
  }

  /**
   * Returns how many windows of a {@code kernel}-tap kernel fit along an axis of {@code size}
   * ({@code vertical} picks the height's settings), or 0 or less when none does.
   */
  public int outputSize(int size, int kernel, boolean vertical) {
    int pad = vertical ? padH : padW;
    int dilation = vertical ? dilationH : dilationW;
    int stride = vertical ? strideH : strideW;
    int span = dilation * (kernel - 1) + 1;
    int room = size + 2 * pad - span;
    return room < 0 ? 0 : room / stride + 1;
  }

  /** Returns whether this is stride 1 without padding or dilation. */
  public boolean isDense() {
    return equals(DENSE);
  }

  /** Returns the settings that differ from the dense window, e.g. "stride 2, padding 1". */
  public String label() {
    StringBuilder sb = new StringBuilder();
    part(sb, "stride", strideH, strideW, 1);
    part(sb, "padding", padH, padW, 0);
    part(sb, "dilation", dilationH, dilationW, 1);
    return sb.toString();
  }

  private static void part(StringBuilder sb, String name, int h, int w, int plain) {
    if (h == plain && w == plain) {
      return;
    }
    sb.append(sb.length() == 0 ? "" : ", ").append(name).append(' ')
        .append(h == w ? String.valueOf(h) : "(" + h + ", " + w + ")");
  }
}
