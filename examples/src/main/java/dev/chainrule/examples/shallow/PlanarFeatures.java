package dev.chainrule.examples.shallow;

import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Dataset;

/**
 * How the planar flower's two coordinates feed seed 004's network, whose input layer has three
 * features (x1, x2, x3). With 3 features the third is the radius r = √(x1² + x2²): a deterministic
 * function of the first two, so it adds no information, only a second, rotation-invariant view of
 * it; the network keeps the seed's exact 3-4-1 shapes (X is (3, m), W[1] is (4, 3)). With 2
 * features the points go in as they are, the 2-4-1 network of the planar-data course the seed
 * follows.
 */
public final class PlanarFeatures {
  private PlanarFeatures() {}

  /** Returns {@code planar} (x1, x2) with {@code count} features: 2 as is, 3 adding the radius. */
  public static Dataset of(Dataset planar, int count) {
    if (planar.featureCount() != 2) {
      throw new IllegalArgumentException("expected planar data with 2 features, got "
          + planar.featureCount());
    }
    if (count == 2) {
      return planar;
    }
    if (count != 3) {
      throw new IllegalArgumentException("--features must be 2 (x1, x2) or 3 (x1, x2, r), got "
          + count);
    }
    double[] xy = planar.features().buffer();
    int n = planar.size();
    double[] out = new double[3 * n];
    for (int i = 0; i < n; i++) {
      double x = xy[2 * i];
      double y = xy[2 * i + 1];
      out[3 * i] = x;
      out[3 * i + 1] = y;
      out[3 * i + 2] = Math.sqrt(x * x + y * y);
    }
    return planar.withFeatures(Tensor.wrap(Shape.of(n, 3), out));
  }
}
