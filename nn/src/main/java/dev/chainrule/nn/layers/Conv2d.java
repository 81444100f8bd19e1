package dev.chainrule.nn.layers;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.ConvGeometry;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.Window2d;
import dev.chainrule.nn.init.Initializer;
import dev.chainrule.nn.init.RandomSource;
import java.util.List;

/**
 * A convolution layer l over images in NCHW layout (batch first): Z[l] = W[l] ⋆ A[l−1] + b[l],
 * then A[l] = g(Z[l]), with a kernel W[l] of shape (filters, channels / groups, kh, kw) and one
 * bias per filter, b[l] of shape (filters, 1, 1), broadcast over the image. Its nodes are named
 * W[l], b[l], Z[l], A[l] inside the graph scope {@code conv<l>}; the layer owns W[l] and b[l] as
 * live tensors.
 */
public final class Conv2d extends ShapedLayer {
  private final Window2d window;
  private final int groups;
  private final Activation activation;
  private final Tensor weights;
  private final Tensor biases;
  private final Shape output;

  /**
   * Creates layer {@code index} over images of {@code input} = (channels, height, width) per
   * sample with the given kernel and biases, which it keeps (not copies); throws when their
   * shapes do not fit the images.
   */
  public Conv2d(int index, Shape input, Window2d window, int groups, Activation activation,
      Tensor weights, Tensor biases) {
    super(index, input);
    ConvGeometry g = ConvGeometry.of(LayerShapes.oneImage(index, "conv", input),
        weights.shape(), window, groups);
    Shape bias = Shape.of(g.f(), 1, 1);
    if (!biases.shape().equals(bias)) {
      throw new IllegalArgumentException("b[" + index + "] must have shape " + bias + " to go "
          + "with W[" + index + "] " + weights.shape() + ", got " + biases.shape());
    }
    this.window = window;
    this.groups = groups;
    this.activation = activation;
    this.weights = weights;
    this.biases = biases;
    this.output = Shape.of(g.f(), g.oh(), g.ow());
  }

  /**
   * Creates layer {@code index} of {@code filters} (kh, kw) filters over images of {@code input}
   * per sample, with fresh parameters filled by the initialisers from {@code random} (weights,
   * then biases), for a fan-in of (channels / groups)·kh·kw and a fan-out of filters·kh·kw /
   * groups.
   */
  public static Conv2d create(int index, Shape input, int filters, int kh, int kw,
      Window2d window, int groups, Activation activation, Initializer weightInit,
      Initializer biasInit, RandomSource random) {
    return create(index, input, filters, kh, kw, window, groups, activation, weightInit,
        biasInit, random, DType.FLOAT64);
  }

  /**
   * Creates the layer as {@link #create(int, Shape, int, int, int, Window2d, int, Activation,
   * Initializer, Initializer, RandomSource)} does, with parameters of {@code dtype}.
   */
  public static Conv2d create(int index, Shape input, int filters, int kh, int kw,
      Window2d window, int groups, Activation activation, Initializer weightInit,
      Initializer biasInit, RandomSource random, DType dtype) {
    LayerShapes.requireImage(index, "conv", input);
    if (filters < 1 || groups < 1 || input.dim(0) % groups != 0) {
      throw new IllegalArgumentException("conv layer " + index + " needs at least 1 filter and a "
          + "number of groups dividing its " + input.dim(0) + " channels, got " + filters
          + " filters in " + groups + " groups");
    }
    Tensor w = Tensor.zeros(Shape.of(filters, input.dim(0) / groups, kh, kw), dtype);
    Tensor b = Tensor.zeros(Shape.of(filters, 1, 1), dtype);
    int fanIn = input.dim(0) / groups * kh * kw;
    int fanOut = filters * kh * kw / groups;
    weightInit.fillInPlace(w, fanIn, fanOut, random);
    biasInit.fillInPlace(b, fanIn, fanOut, random);
    return new Conv2d(index, input, window, groups, activation, w, b);
  }

  @Override
  public String name() {
    return "conv" + index;
  }

  @Override
  public int outputSize() {
    return output.size();
  }

  /** Returns the shape of one sample's output, (filters, height, width). */
  public Shape outputShape() {
    return output;
  }

  /** Returns the live kernel W[l]. */
  public Tensor weights() {
    return weights;
  }

  /** Returns the live biases b[l]. */
  public Tensor biases() {
    return biases;
  }

  /** Returns the shape of one sample's input, (channels, height, width). */
  public Shape inputShape() {
    return input;
  }

  /** Returns the stride, padding and dilation of the kernel's window. */
  public Window2d window() {
    return window;
  }

  /** Returns the number of channel groups. */
  public int groups() {
    return groups;
  }

  /** Returns the activation g. */
  public Activation activation() {
    return activation;
  }

  @Override
  public List<Parameter> parameters() {
    return LayerNodes.weightsAndBiases(index, weights, biases);
  }

  @Override
  public LayerOutput apply(Node x) {
    return LayerNodes.affine(this, index, x, weights, biases, activation, Layout.ROW,
        (w, in) -> in.conv2d(w, window, groups));
  }

  @Override
  public String toString() {
    Shape k = weights.shape();
    String w = window.label();
    return name() + ": conv " + k.dim(0) + " × " + k.dim(2) + "×" + k.dim(3)
        + (w.isEmpty() ? "" : " " + w) + (groups == 1 ? "" : " groups " + groups) + ", "
        + activation.id() + ", " + LayerShapes.arrow(input, output);
  }
}
