package dev.chainrule.nn.layers;

import dev.chainrule.core.tensor.Shape;
import java.util.List;

/**
 * What the layers built for samples of one shape ({@link Flatten}, {@link Dropout}, {@link
 * Pool2d}, {@link BatchNorm}, {@link Conv2d}) hold alike: their position l and the shape of one
 * sample of their input, whose size is their input size and, unless they change the shape, their
 * output size; no parameters unless they say otherwise.
 */
abstract class ShapedLayer implements Layer {
  /** The layer's position l, from 1. */
  final int index;
  /** The shape of one sample of the input, e.g. (channels, height, width). */
  final Shape input;

  ShapedLayer(int index, Shape input) {
    this.index = index;
    this.input = input;
  }

  /** Returns the layer's position l, from 1. */
  public final int index() {
    return index;
  }

  @Override
  public final int inputSize() {
    return input.size();
  }

  /** Returns the input size: a layer that keeps the sample's shape keeps its size. */
  @Override
  public int outputSize() {
    return input.size();
  }

  /** Returns no parameters: a layer with trained parameters returns them. */
  @Override
  public List<Parameter> parameters() {
    return List.of();
  }
}
