package dev.chainrule.nn.model;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.nn.layers.Layer;
import dev.chainrule.nn.layers.LayerOutput;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.layers.Mode;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.layers.StateUpdate;
import dev.chainrule.nn.layers.Stateful;
import java.util.ArrayList;
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
public final class Network implements Model {
  private final Shape sample;
  private final List<Layer> layers;

  /** Creates a network over {@code layers} taking samples of shape {@code sample}. */
  Network(Shape sample, List<Layer> layers) {
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("a network needs at least one layer");
    }
    this.sample = sample;
    this.layers = List.copyOf(layers);
  }

  /** Starts a network taking images of {@code channels} × {@code height} × {@code width}. */
  public static NetworkBuilder builder(int channels, int height, int width) {
    return new NetworkBuilder(Shape.of(channels, height, width));
  }

  /** Starts a network taking samples of {@code features} values. */
  public static NetworkBuilder builder(int features) {
    return new NetworkBuilder(Shape.of(features));
  }

  /** Returns the layers, first to last. */
  public List<Layer> layers() {
    return layers;
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
  public int outputSize() {
    return layers.get(layers.size() - 1).outputSize();
  }

  /** Adds the evaluation-mode forward pass, as used for predictions. */
  @Override
  public Forward forward(Node input) {
    return forward(input, Mode.EVALUATION);
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
    LayerOutput out = null;
    for (Layer l : layers) {
      out = l.apply(a, mode);
      a = out.a();
    }
    if (out.a().shape().rank() != 2) {
      throw new IllegalStateException("the last layer gives " + out.a().shape() + "; end the "
          + "network with flatten() and a dense layer so that it gives one row per sample");
    }
    return new Forward(input, out.z(), out.a(), Layout.ROW);
  }

  @Override
  public List<Parameter> parameters() {
    List<Parameter> all = new ArrayList<>();
    for (Layer l : layers) {
      all.addAll(l.parameters());
    }
    return all;
  }

  @Override
  public List<Parameter> buffers() {
    return Stateful.buffersOf(layers);
  }

  @Override
  public List<StateUpdate> stateUpdates(Graph graph) {
    return Stateful.updatesOf(layers, graph);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Network " + sample + " → " + outputSize() + " ("
        + parameterCount() + " parameters)");
    for (Layer l : layers) {
      sb.append("\n  ").append(l);
    }
    return sb.toString();
  }
}
