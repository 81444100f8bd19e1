package dev.chainrule.onnx;

import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Window2d;
import dev.chainrule.nn.layers.Pool2d;
import java.util.List;

/**
 * The ONNX nodes of a pooling layer l. Max pooling is ONNX's MaxPool with chainrule's window:
 * kernel_shape, strides, pads (ignored by the maximum, as in chainrule) and dilations. ONNX
 * Runtime's AveragePool has no float64 kernel, so average pooling is the window's taps gathered
 * ({@link WindowTaps}), summed (ReduceSum) and divided by kh·kw, padding counted as zeros as
 * chainrule does (PyTorch's count_include_pad).
 */
final class PoolNodes {
  private PoolNodes() {}

  /** Appends {@code pool} applied to images {@code input} and returns A[l]. */
  static String append(OnnxGraph graph, Pool2d pool, String input) {
    String scope = pool.name() + "/";
    String a = "A[" + pool.index() + "]";
    Window2d w = pool.window();
    int kh = pool.kernelHeight();
    int kw = pool.kernelWidth();
    if (pool.kind() == Pool2d.Kind.MAX) {
      return graph.node("MaxPool", scope + "MaxPool", a + " = maxpool(" + input + ") over "
          + kh + "×" + kw + " windows", List.of(input), a,
          OnnxGraph.intsAttribute("kernel_shape", kh, kw),
          OnnxGraph.intsAttribute("strides", w.strideH(), w.strideW()),
          OnnxGraph.intsAttribute("pads", w.padH(), w.padW(), w.padH(), w.padW()),
          OnnxGraph.intsAttribute("dilations", w.dilationH(), w.dilationW()));
    }
    Shape out = pool.outputShape();
    String taps = WindowTaps.gather(graph, scope, input, pool.inputShape(), kh, kw, w,
        out.dim(1), out.dim(2));
    String axis = graph.vector(scope + "tap axis", 2);
    String sum = graph.node("ReduceSum", scope + "ReduceSum", "the sum of each window's " + kh
        * kw + " taps", List.of(taps, axis), scope + "window sums",
        OnnxGraph.intAttribute("keepdims", 0));
    String count = graph.initializer(scope + "kh·kw", new double[] {kh * kw});
    String mean = graph.node("Div", scope + "Div", "each window's sum / " + kh * kw
        + " (padding counted as zeros)", List.of(sum, count), scope + "window means");
    return graph.reshape(scope, mean, a, a + " = avgpool(" + input + ") as images (m, "
        + out.dim(0) + ", " + out.dim(1) + ", " + out.dim(2) + ")", 0, out.dim(0), out.dim(1),
        out.dim(2));
  }
}
