package dev.chainrule.nn.model;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.nn.layers.Layer;
import dev.chainrule.nn.layers.LayerOutput;
import dev.chainrule.nn.layers.Mode;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.layers.StateUpdate;
import dev.chainrule.nn.layers.Stateful;
import java.util.List;

/**
 * What the models made of any {@link Layer}s applied in order ({@link Network}, {@link
 * LayerStack}) do alike: they keep the layers, give the last one's outputs, apply every layer in
 * the forward pass's mode, and gather the parameters, buffers and state updates layer by layer.
 */
abstract class LayeredModel implements Model {
  private final List<Layer> layers;

  /** Keeps {@code layers}; throws, naming the {@code model} kind, when there is none. */
  LayeredModel(String model, List<Layer> layers) {
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("a " + model + " needs at least one layer");
    }
    this.layers = List.copyOf(layers);
  }

  /** Returns the layers, first to last. */
  public List<Layer> layers() {
    return layers;
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

  /** Returns the last layer's output, each layer applied in {@code mode} after {@code input}. */
  LayerOutput applyLayers(Node input, Mode mode) {
    Node a = input;
    LayerOutput out = null;
    for (Layer l : layers) {
      out = l.apply(a, mode);
      a = out.a();
    }
    return out;
  }

  @Override
  public List<Parameter> parameters() {
    return Layer.parametersOf(layers);
  }

  @Override
  public List<Parameter> buffers() {
    return Stateful.buffersOf(layers);
  }

  @Override
  public List<StateUpdate> stateUpdates(Graph graph) {
    return Stateful.updatesOf(layers, graph);
  }

  /** Returns {@code heading} followed by one indented line per layer, as toString shows it. */
  String withLayerLines(String heading) {
    StringBuilder sb = new StringBuilder(heading);
    for (Layer l : layers) {
      sb.append("\n  ").append(l);
    }
    return sb.toString();
  }
}
