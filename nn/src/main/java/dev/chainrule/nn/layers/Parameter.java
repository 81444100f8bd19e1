package dev.chainrule.nn.layers;

import dev.chainrule.core.tensor.Tensor;

/**
 * A trainable tensor owned by a layer or model, with the name its graph node gets (W[1], b[1]).
 * The tensor is live: {@code graph.parameter(name, value)} does not copy it, so every graph built
 * from the model (for any batch size) reads it, and optimizers update it in place.
 *
 * @param name the node name, unique within a model
 * @param value the live tensor
 */
public record Parameter(String name, Tensor value) {
  /** Checks that both parts are present. */
  public Parameter {
    if (name == null || name.isBlank() || value == null) {
      throw new IllegalArgumentException("a parameter needs a name and a tensor, got name '" + name
          + "' and " + value);
    }
  }
}
