package dev.chainrule.nn.layers;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.PoolGeometry;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Window2d;
import java.util.List;

/**
 * A pooling layer l over images in NCHW layout: A[l] = maxpool(A[l−1]) or avgpool(A[l−1]) over
 * (kh, kw) windows, each channel on its own. It has no parameters; its node A[l] is built inside
 * the graph scope {@code maxpool<l>} or {@code avgpool<l>}.
 */
public final class Pool2d extends ShapedLayer {
  /** Which pooling. */
  public enum Kind {
    /** The maximum of each window. */
    MAX,
    /** The mean of each window, padding counted as zeros. */
    AVERAGE
  }

  private final Kind kind;
  private final int kh;
  private final int kw;
  private final Window2d window;
  private final Shape output;

  /**
   * Creates pooling layer {@code index} of {@code kind} over images of {@code input} = (channels,
   * height, width) per sample; throws when the window does not fit them.
   */
  public Pool2d(int index, Kind kind, Shape input, int kh, int kw, Window2d window) {
    super(index, input);
    PoolGeometry g = PoolGeometry.of(LayerShapes.oneImage(index, "pooling", input), kh, kw,
        window);
    this.kind = kind;
    this.kh = kh;
    this.kw = kw;
    this.window = window;
    this.output = Shape.of(g.c(), g.oh(), g.ow());
  }

  @Override
  public String name() {
    return (kind == Kind.MAX ? "maxpool" : "avgpool") + index;
  }

  @Override
  public int outputSize() {
    return output.size();
  }

  /** Returns the shape of one sample's output, (channels, height, width). */
  public Shape outputShape() {
    return output;
  }

  /** Returns which pooling the layer does. */
  public Kind kind() {
    return kind;
  }

  /** Returns the shape of one sample's input, (channels, height, width). */
  public Shape inputShape() {
    return input;
  }

  /** Returns the window's height kh. */
  public int kernelHeight() {
    return kh;
  }

  /** Returns the window's width kw. */
  public int kernelWidth() {
    return kw;
  }

  /** Returns the stride, padding and dilation of the window. */
  public Window2d window() {
    return window;
  }

  @Override
  public LayerOutput apply(Node x) {
    return LayerNodes.activation(this, x, in -> kind == Kind.MAX
        ? in.maxPool2d(kh, kw, window) : in.avgPool2d(kh, kw, window));
  }

  @Override
  public String toString() {
    return name() + ": " + (kind == Kind.MAX ? "max" : "average") + " pool "
        + PoolGeometry.label(kh, kw, window) + ", " + LayerShapes.arrow(input, output);
  }
}
