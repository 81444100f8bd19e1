package dev.chainrule.nn.model;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.nn.layers.Layer;
import dev.chainrule.nn.layers.LayerOutput;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.layers.Mode;
import java.util.List;

/**
 * A stack of layers of any kind, each feeding the next, with the samples first (the {@link
 * Layout#ROW} layout): a convolutional network such as
 *
 * <pre>{@code
 * Network net = Network.builder(1, 28, 28)
 *     .conv2d(16, 5, 2, Activation.relu()).maxPool2d(2)
 *     .conv2d(32, 5, 2, Activation.relu()).maxPool2d(2)
 *     .flatten().dense(10, Activation.identity())
 *     .seed(1).build();
 * }</pre>
 *
 * <p>Its input X holds one sample per row, (m, c·h·w), as datasets hand them out; the network
 * first views each row as an NCHW image (m, c, h, w), the layout of its convolution, pooling and
 * batch norm layers; {@link dev.chainrule.nn.layers.Flatten} turns images back into rows for the
 * dense layers. Its file holds its parameters and state, and is loaded into a network built by
 * the same code ({@code ModelFile.loadInto}).
 */
public final class Network extends LayeredModel {
  private final Shape sample;

  /** Creates a network over {@code layers} taking samples of shape {@code sample}. */
  Network(Shape sample, List<Layer> layers) {
    super("network", layers);
    this.sample = sample;
  }

  /** Starts a network taking images of {@code channels} × {@code height} × {@code width}. */
  public static NetworkBuilder builder(int channels, int height, int width) {
    return new NetworkBuilder(Shape.of(channels, height, width));
  }

  /** Starts a network taking samples of {@code features} values. */
  public static NetworkBuilder builder(int features) {
    return new NetworkBuilder(Shape.of(features));
  }

  /** Returns the shape of one sample: (channels, height, width) or (features,). */
  public Shape sampleShape() {
    return sample;
  }

  @Override
  public Layout layout() {
    return Layout.ROW;
  }

  @Override
  public int inputSize() {
    return sample.size();
  }

  @Override
  public Forward forward(Node input, Mode mode) {
    Shape s = input.shape();
    if (s.rank() != 2 || s.dim(1) != sample.size()) {
      throw new IllegalArgumentException("input " + input.name() + " has shape " + s + " but this "
          + "network takes one sample per row, (m, " + sample.size() + "), each viewed as "
          + sample);
    }
    Node a = input;
    if (sample.rank() > 1) {
      int[] dims = new int[sample.rank() + 1];
      dims[0] = s.dim(0);
      System.arraycopy(sample.dims(), 0, dims, 1, sample.rank());
      a = input.reshape(dims).named("A[0]");
    }
    LayerOutput out = applyLayers(a, mode);
    if (out.a().shape().rank() != 2) {
      throw new IllegalStateException("the last layer gives " + out.a().shape() + "; end the "
          + "network with flatten() and a dense layer so that it gives one row per sample");
    }
    return new Forward(input, out.z(), out.a(), Layout.ROW);
  }

  @Override
  public String toString() {
    return withLayerLines("Network " + sample + " → " + outputSize() + " (" + parameterCount()
        + " parameters)");
  }
}
