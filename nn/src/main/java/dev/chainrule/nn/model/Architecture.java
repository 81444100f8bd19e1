package dev.chainrule.nn.model;

import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import java.util.List;

/**
 * What is needed to rebuild a {@link Sequential} around saved parameters: the layout, the input
 * width and each dense layer's width and activation.
 *
 * @param layout where samples lie
 * @param inputs features per sample
 * @param layers the dense layers, first to last
 */
public record Architecture(Layout layout, int inputs, List<LayerSpec> layers) {
  /** Copies the layer list and checks the widths. */
  public Architecture {
    layers = List.copyOf(layers);
    if (inputs < 1 || layers.isEmpty()) {
      throw new IllegalArgumentException("an architecture needs at least 1 input and 1 layer, got "
          + inputs + " inputs and " + layers.size() + " layers");
    }
  }

  /** Returns the widths from input to output, e.g. "784-256-10". */
  public String widths() {
    StringBuilder sb = new StringBuilder().append(inputs);
    for (LayerSpec l : layers) {
      sb.append('-').append(l.units());
    }
    return sb.toString();
  }

  /**
   * One dense layer of an architecture.
   *
   * @param units the layer's output width
   * @param activation its activation
   */
  public record LayerSpec(int units, Activation activation) {
    /** Checks the width. */
    public LayerSpec {
      if (units < 1) {
        throw new IllegalArgumentException("a layer needs at least 1 unit, got " + units);
      }
    }
  }
}
