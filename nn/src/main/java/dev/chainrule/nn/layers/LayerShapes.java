package dev.chainrule.nn.layers;

import dev.chainrule.core.tensor.Shape;

/** Checks and words shared by the image layers: a sample's shape and its arrow in reports. */
final class LayerShapes {
  private LayerShapes() {}

  /** Throws unless {@code sample} is an image (channels, height, width). */
  static void requireImage(int index, String kind, Shape sample) {
    if (sample.rank() != 3) {
      throw new IllegalArgumentException(kind + " layer " + index + " takes images, (channels, "
          + "height, width) per sample, got " + sample + "; reshape the input to images first");
    }
  }

  /**
   * Returns the batch (1, channels, height, width) of one image {@code sample}, the shape a layer
   * works out its geometry for; throws as {@link #requireImage} does unless it is an image.
   */
  static Shape oneImage(int index, String kind, Shape sample) {
    requireImage(index, kind, sample);
    return Shape.of(1, sample.dim(0), sample.dim(1), sample.dim(2));
  }

  /** Returns "(1, 28, 28) → (16, 28, 28)". */
  static String arrow(Shape in, Shape out) {
    return in + " → " + out;
  }

  /** Returns the batch shape (m, sample...). */
  static int[] batch(int m, Shape sample) {
    int[] d = new int[sample.rank() + 1];
    d[0] = m;
    System.arraycopy(sample.dims(), 0, d, 1, sample.rank());
    return d;
  }
}
