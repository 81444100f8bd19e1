package dev.chainrule.onnx;

import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Window2d;
import java.util.List;

/**
 * The taps of a sliding 2-D window gathered into one tensor, the im2col of convolution and
 * average pooling, written with operators ONNX Runtime runs in float64 (its Conv and AveragePool
 * kernels are float32 only): the image (m, c, h, w) is padded with zeros, each plane flattened to
 * h'·w' values, and one Gather with a constant table of positions picks, for every tap (i, j) of
 * the kh × kw window and every output position (y, x), the element at row y·stride + i·dilation
 * and column x·stride + j·dilation, giving (m, c, kh·kw, oh·ow).
 */
final class WindowTaps {
  private WindowTaps() {}

  /**
   * Appends the nodes gathering the taps of {@code x}, images of {@code image} = (c, h, w) per
   * sample, for a kh × kw window sliding by {@code window} to oh × ow positions, and returns the
   * name of the gathered value (m, c, kh·kw, oh·ow).
   */
  static String gather(OnnxGraph graph, String scope, String x, Shape image, int kh, int kw,
      Window2d window, int oh, int ow) {
    int c = image.dim(0);
    int hp = image.dim(1) + 2 * window.padH();
    int wp = image.dim(2) + 2 * window.padW();
    String padded = x;
    if (window.padH() > 0 || window.padW() > 0) {
      String pads = graph.vector(scope + "pads", 0, 0, window.padH(), window.padW(), 0, 0,
          window.padH(), window.padW());
      padded = graph.node("Pad", scope + "Pad", x + " with " + window.padH() + " rows and "
          + window.padW() + " columns of zeros on each side", List.of(x, pads),
          scope + "padded");
    }
    String planes = graph.reshape(scope, padded, scope + "planes", "each plane of " + padded
        + " as one row of " + hp + "·" + wp + " values", 0, c, (long) hp * wp);
    String table = graph.integers(scope + "tap positions", positions(kh, kw, window, oh, ow, wp),
        (long) kh * kw, (long) oh * ow);
    return graph.node("Gather", scope + "Gather taps", "the " + kh + "×" + kw + " taps of the "
        + "window at each of the " + oh + "×" + ow + " positions" + (window.label().isEmpty() ? ""
        : ", " + window.label()), List.of(planes, table), scope + "taps",
        OnnxGraph.intAttribute("axis", 2));
  }

  /**
   * Returns, for tap (i, j) and output position (y, x), at index (i·kw + j)·oh·ow + y·ow + x, the
   * position (y·sh + i·dh)·w' + x·sw + j·dw in a padded plane w' columns wide.
   */
  static long[] positions(int kh, int kw, Window2d window, int oh, int ow, int paddedWidth) {
    long[] p = new long[kh * kw * oh * ow];
    int k = 0;
    for (int i = 0; i < kh; i++) {
      for (int j = 0; j < kw; j++) {
        for (int y = 0; y < oh; y++) {
          for (int x = 0; x < ow; x++) {
            long row = (long) y * window.strideH() + (long) i * window.dilationH();
            long column = (long) x * window.strideW() + (long) j * window.dilationW();
            p[k++] = row * paddedWidth + column;
          }
        }
      }
    }
    return p;
  }
}
