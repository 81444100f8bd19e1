package dev.chainrule.nn.layers;

import dev.chainrule.core.graph.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * One stage of a network that owns its parameters and builds its nodes into whatever graph its
 * input belongs to. Building twice (say for two batch sizes) shares the same live parameter
 * tensors.
 */
public interface Layer {
  /** Returns the layer's name, also its graph scope, e.g. {@code layer1}. */
  String name();

  /** Returns the number of input features per sample. */
  int inputSize();

  /** Returns the number of output units per sample. */
  int outputSize();

  /** Adds this layer's nodes after {@code input} (in the layer's layout) and returns Z and A. */
  LayerOutput apply(Node input);

  /**
   * Adds this layer's nodes after {@code input} for a forward pass of the given mode: layers that
   * behave differently while training ({@link Dropout}, {@link BatchNorm}) override it; the
   * default is {@link #apply(Node)} in both modes.
   */
  default LayerOutput apply(Node input, Mode mode) {
    return apply(input);
  }

  /** Returns the layer's parameters, in a fixed order. */
  List<Parameter> parameters();

  /** Returns the parameters of every layer among {@code layers}, layer by layer, in order. */
  static List<Parameter> parametersOf(List<? extends Layer> layers) {
    List<Parameter> all = new ArrayList<>();
    for (Layer l : layers) {
      all.addAll(l.parameters());
    }
    return all;
  }
}
