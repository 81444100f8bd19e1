package dev.chainrule.core.tensor;

/**
 * The sizes of one 2-D convolution in NCHW layout: an input X (n, c, h, w), a kernel W (f, c /
 * groups, kh, kw) and an output Z (n, f, oh, ow), with the window's stride, padding and
 * dilation. The channels split into {@code groups} independent groups: output channel o reads
 * input channels of its group only. Its factories check the shapes and say, in the user's terms,
 * why they do not fit.
 *
 * @param n the batch size
 * @param c the input channels
 * @param h the input height
 * @param w the input width
 * @param f the output channels (filters)
 * @param kh the kernel height
 * @param kw the kernel width
 * @param oh the output height
 * @param ow the output width
 * @param groups the number of channel groups
 * @param window the stride, padding and dilation
 */
public record ConvGeometry(int n, int c, int h, int w, int f, int kh, int kw, int oh, int ow,
    int groups, Window2d window) {
  /**
   * Returns the geometry of convolving {@code input} (n, c, h, w) with {@code kernel} (f, c /
   * groups, kh, kw), or throws an {@link IllegalArgumentException} naming both shapes and what
   * does not fit.
   */
  public static ConvGeometry of(Shape input, Shape kernel, Window2d window, int groups) {
    requireRank(input, "input", "(batch, channels, height, width)");
    requireRank(kernel, "kernel", "(out channels, in channels / groups, height, width)");
    int[] x = input.dims();
    int[] k = kernel.dims();
    if (groups < 1 || x[1] % groups != 0 || k[0] % groups != 0) {
      throw new IllegalArgumentException(groups + " groups must divide both the input's " + x[1]
          + " channels and the kernel's " + k[0] + " out channels (input " + input + ", kernel "
          + kernel + ")");
    }
    if (k[1] * groups != x[1]) {
      throw new IllegalArgumentException("the kernel " + kernel + " reads " + k[1] + " channel"
          + (k[1] == 1 ? "" : "s") + " per group × " + groups + " group" + (groups == 1 ? "" : "s")
          + " but the input " + input + " has " + x[1] + " channels; a kernel for it has shape ("
          + k[0] + ", " + x[1] / groups + ", " + k[2] + ", " + k[3] + ")");
    }
    int oh = window.outputSize(x[2], k[2], true);
    int ow = window.outputSize(x[3], k[3], false);
    if (oh < 1 || ow < 1) {
      throw new IllegalArgumentException("the " + k[2] + "×" + k[3] + " kernel " + kernel
          + " does not fit the " + x[2] + "×" + x[3] + " input " + input + describe(window)
          + "; pad the input or use a smaller kernel");
    }
    return new ConvGeometry(x[0], x[1], x[2], x[3], k[0], k[2], k[3], oh, ow, groups, window);
  }

  /**
   * Returns the geometry of the convolution whose output gradient is {@code output} (n, f, oh,
   * ow) and kernel {@code kernel}, for an input of height {@code h} and width {@code w}; throws
   * when the shapes are not those of such a convolution.
   */
  public static ConvGeometry ofOutput(Shape kernel, Shape output, Window2d window, int groups,
      int h, int w) {
    requireRank(kernel, "kernel", "(out channels, in channels / groups, height, width)");
    requireRank(output, "output gradient", "(batch, out channels, height, width)");
    int[] k = kernel.dims();
    ConvGeometry g = of(Shape.of(output.dim(0), k[1] * groups, h, w), kernel, window, groups);
    g.requireOutput(output);
    return g;
  }

  /** Throws unless {@code output} is this convolution's output shape (n, f, oh, ow). */
  public void requireOutput(Shape output) {
    if (!output.equals(outputShape())) {
      throw new IllegalArgumentException("the output gradient " + output + " is not the "
          + "convolution's output shape " + outputShape() + " (input " + inputShape()
          + ", kernel " + kernelShape() + describe(window) + ")");
    }
  }

  /** Returns the input's shape (n, c, h, w). */
  public Shape inputShape() {
    return Shape.of(n, c, h, w);
  }

  /** Returns the kernel's shape (f, c / groups, kh, kw). */
  public Shape kernelShape() {
    return Shape.of(f, c / groups, kh, kw);
  }

  /** Returns the output's shape (n, f, oh, ow). */
  public Shape outputShape() {
    return Shape.of(n, f, oh, ow);
  }

  /** Returns the rows of one group's column matrix: (c / groups)·kh·kw. */
  public int patch() {
    return c / groups * kh * kw;
  }

  /** Returns the output positions of one sample: oh·ow. */
  public int positions() {
    return oh * ow;
  }

  private static String describe(Window2d window) {
    String label = window.label();
    return label.isEmpty() ? " without padding" : " with " + label;
  }

  private static void requireRank(Shape s, String what, String layout) {
    if (s.rank() != 4) {
      throw new IllegalArgumentException("the " + what + " must have rank 4, " + layout
          + ", got " + s);
    }
  }
}
