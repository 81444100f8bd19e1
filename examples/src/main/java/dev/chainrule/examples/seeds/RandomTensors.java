package dev.chainrule.examples.seeds;

import dev.chainrule.core.tensor.Tensor;
import java.util.Random;

/** Deterministic random data and weights for the seed networks: the same seed, the same numbers. */
public final class RandomTensors {
  private RandomTensors() {}

  /** Returns a tensor of independent standard normal values times {@code scale}. */
  public static Tensor normal(Random rng, double scale, int... dims) {
    Tensor t = Tensor.zeros(dims);
    double[] v = t.buffer();
    for (int i = 0; i < v.length; i++) {
      v[i] = rng.nextGaussian() * scale;
    }
    return t;
  }

  /**
   * Returns the indicator matrix 1(y) of random class labels: one 1 per sample, along axis 0
   * (classes × samples, the column layout) or axis 1 (samples × classes, the row layout).
   */
  public static Tensor oneHot(Random rng, int classes, int samples, int classAxis) {
    Tensor t = classAxis == 0 ? Tensor.zeros(classes, samples) : Tensor.zeros(samples, classes);
    for (int i = 0; i < samples; i++) {
      int c = rng.nextInt(classes);
      t.buffer()[classAxis == 0 ? c * samples + i : i * classes + c] = 1;
    }
    return t;
  }

  /** Returns random 0/1 labels of the given shape. */
  public static Tensor bits(Random rng, int... dims) {
    Tensor t = Tensor.zeros(dims);
    double[] v = t.buffer();
    for (int i = 0; i < v.length; i++) {
      v[i] = rng.nextBoolean() ? 1 : 0;
    }
    return t;
  }
}
