package dev.chainrule.nn.model;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.nn.init.Initializer;
import dev.chainrule.nn.init.Initializers;

/**
 * The settings every model builder ({@link Sequential.Builder}, {@link NetworkBuilder}, {@link
 * LayerStackBuilder}) has, with their setters: the weight and bias initialisers (zero biases
 * unless set), the seed the initial values are drawn from (0 unless set) and the dtype the model
 * computes in (float64 unless set).
 *
 * @param <B> the builder, which every setter returns for the next call
 */
abstract class ModelBuilder<B extends ModelBuilder<B>> {
  private Initializer weights;
  private Initializer biases = Initializers.zeros();
  private long seed;
  private DType dtype = DType.FLOAT64;

  ModelBuilder(Initializer weights) {
    this.weights = weights;
  }

  /**
   * Sets the weight initialiser of the layers that draw weights: in a {@link NetworkBuilder} or
   * {@link LayerStackBuilder}, those added after this call; in a {@link Sequential.Builder}, every
   * layer that does not name its own.
   */
  public B weights(Initializer init) {
    this.weights = init;
    return self();
  }

  /**
   * Sets the bias initialiser of the layers that draw biases: in a {@link NetworkBuilder} or
   * {@link LayerStackBuilder}, those added after this call; in a {@link Sequential.Builder}, every
   * layer that does not name its own.
   */
  public B biases(Initializer init) {
    this.biases = init;
    return self();
  }

  /** Draws the initial values (and a network's dropout masks) from {@code seed}. */
  public B seed(long seed) {
    this.seed = seed;
    return self();
  }

  /**
   * Makes the model compute in {@code dtype} (float64 unless set): its parameters (and a network's
   * state) are created in that dtype, each drawn value rounded to it, and the trainer builds its
   * graphs in it. A float32 model starts from the float64 model of the same seed, each value
   * rounded to the nearest float.
   */
  public B dtype(DType dtype) {
    if (dtype == null) {
      throw new IllegalArgumentException("a model needs a dtype, got null; use DType.FLOAT64 (the "
          + "default) or DType.FLOAT32");
    }
    this.dtype = dtype;
    return self();
  }

  /** Returns the weight initialiser set last (or the builder's default). */
  Initializer currentWeights() {
    return weights;
  }

  /** Returns the bias initialiser set last (zeros unless set). */
  Initializer currentBiases() {
    return biases;
  }

  /** Returns the seed set last (0 unless set). */
  long currentSeed() {
    return seed;
  }

  /** Returns the dtype set last (float64 unless set). */
  DType currentDType() {
    return dtype;
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
