package dev.chainrule.onnx;

import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.Window2d;
import dev.chainrule.nn.layers.Conv2d;
import java.util.List;

/**
 * The ONNX nodes of a convolution layer l, Z[l] = W[l] ⋆ A[l−1] + b[l]. ONNX Runtime's Conv has
 * no float64 kernel, so the convolution is written as the matrix product it is: the window's taps
 * gathered ({@link WindowTaps}) into (m, groups, c/groups·kh·kw, oh·ow), multiplied by the kernel
 * viewed as (groups, f/groups, c/groups·kh·kw) — one MatMul, batched over the groups — and viewed
 * again as images (m, f, oh, ow), to which b[l] (f, 1, 1) is added. W[l] and b[l] are stored as
 * chainrule keeps them; the padding, stride, dilation and groups are chainrule's.
 */
final class ConvNodes {
  private ConvNodes() {}

  /** Appends {@code conv} applied to images {@code input} and returns A[l] (Z[l] if linear). */
  static String append(OnnxGraph graph, Conv2d conv, String input) {
    String scope = conv.name() + "/";
    int l = conv.index();
    Tensor kernel = conv.weights();
    Shape out = conv.outputShape();
    int f = out.dim(0);
    int oh = out.dim(1);
    int ow = out.dim(2);
    int kh = kernel.shape().dim(2);
    int kw = kernel.shape().dim(3);
    int groups = conv.groups();
    int perGroup = conv.inputShape().dim(0) / groups * kh * kw;
    Window2d window = conv.window();
    String taps = WindowTaps.gather(graph, scope, input, conv.inputShape(), kh, kw, window, oh,
        ow);
    String columns = graph.reshape(scope, taps, scope + "columns", "the taps of each group as "
        + "the columns of a matrix, (m, " + groups + ", " + perGroup + ", " + oh * ow + ")", 0,
        groups, perGroup, (long) oh * ow);
    String w = graph.initializer("W[" + l + "]", kernel);
    String matrix = graph.reshape(scope, w, scope + "W[" + l + "] as a matrix", w + " as ("
        + groups + ", " + f / groups + ", " + perGroup + "), one matrix per group", groups,
        f / groups, perGroup);
    String product = graph.node("MatMul", scope + "MatMul", w + " ⋆ " + input + ": every filter "
        + "times every window", List.of(matrix, columns), scope + "W ⋆ A");
    String images = graph.reshape(scope, product, scope + "W ⋆ A as images", "the products as "
        + "images (m, " + f + ", " + oh + ", " + ow + ")", 0, f, oh, ow);
    String b = graph.initializer("b[" + l + "]", conv.biases());
    String z = "Z[" + l + "]";
    graph.node("Add", scope + "Add", z + " = " + w + " ⋆ " + input + " + " + b, List.of(images,
        b), z);
    return ActivationNodes.append(graph, conv.activation(), 1, scope, z, "A[" + l + "]");
  }
}
