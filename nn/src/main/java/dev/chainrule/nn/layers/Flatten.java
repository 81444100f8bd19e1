package dev.chainrule.nn.layers;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Shape;
import java.util.List;

/**
 * Where images meet dense layers: A[l] = A[l−1] reshaped from (m, c, h, w), NCHW with the
 * samples first, to the rows (m, c·h·w) of the {@link Layout#ROW} layout, or transposed to the
 * columns (c·h·w, m) of the {@link Layout#COLUMN} layout, so that a {@link Dense} layer of either
 * layout follows. Features are numbered channel by channel, row by row (PyTorch's {@code
 * flatten(1)}).
 */
public final class Flatten extends ShapedLayer {
  private final Layout layout;

  /** Creates layer {@code index} flattening samples of shape {@code input} into {@code layout}. */
  public Flatten(int index, Shape input, Layout layout) {
    super(index, input);
    this.layout = layout;
  }

  @Override
  public String name() {
    return "flatten" + index;
  }

  /** Returns the layout of the flattened output. */
  public Layout layout() {
    return layout;
  }

  /** Returns the shape of one sample's input, e.g. (channels, height, width). */
  public Shape inputShape() {
    return input;
  }

  @Override
  public LayerOutput apply(Node x) {
    return LayerNodes.activation(this, x, in -> {
      Node rows = in.reshape(in.shape().dim(0), input.size());
      return layout == Layout.ROW ? rows : rows.T();
    });
  }

  @Override
  public String toString() {
    return name() + ": flatten, " + LayerShapes.arrow(input, Shape.of(input.size())) + " ("
        + layout.id() + " layout)";
  }
}
