package dev.chainrule.nn.model;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.nn.init.Initializer;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.init.RandomSource;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Cell;
import dev.chainrule.nn.layers.Dense;
import dev.chainrule.nn.layers.Embedding;
import dev.chainrule.nn.layers.EveryStep;
import dev.chainrule.nn.layers.Layer;
import dev.chainrule.nn.layers.LayerNorm;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.layers.Recurrent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Collects the layers of a sequence model ({@link LayerStack}), each taking the T steps of F
 * features the previous one gives (a layer that does not fit fails at its method, naming it).
 * Sequence layers take the name you give them (their scope and the prefix of their parameters:
 * {@code lstm.W_ih}); dense layers are numbered 1, 2, ... among the dense layers ({@code W[1]}).
 * Defaults: Xavier-normal weights and zero biases for dense layers, seed 0, float64. Parameters are
 * drawn in layer order from one source when {@link #build()} is called, exactly as the layers'
 * {@code create} methods called in that order on {@code RandomSource.seeded(seed)} draw them.
 */
public final class LayerStackBuilder extends ModelBuilder<LayerStackBuilder> {
  private final Layout layout;
  private final List<BiFunction<RandomSource, DType, Layer>> plan = new ArrayList<>();
  private int steps;
  private int features;
  private int denseLayers;

  LayerStackBuilder(Layout layout, int steps, int features) {
    super(Initializers.xavierNormal());
    if (layout == null || steps < 1 || features < 1) {
      throw new IllegalArgumentException("a sequence model needs a layout and at least 1 step of "
          + "at least 1 feature, got " + layout + ", " + steps + " steps of " + features
          + " features");
    }
    this.layout = layout;
    this.steps = steps;
    this.features = features;
  }

  private LayerStackBuilder add(BiFunction<RandomSource, DType, Layer> layer, int newSteps,
      int newFeatures) {
    plan.add(layer);
    steps = newSteps;
    features = newFeatures;
    return this;
  }

  /**
   * Adds an embedding of {@code vocabulary} tokens in {@code dimensions} features each: the input
   * must be one token id per step (features 1); the table is drawn from N(0, 1).
   */
  public LayerStackBuilder embedding(String name, int vocabulary, int dimensions) {
    if (features != 1) {
      throw new IllegalArgumentException("embedding '" + name + "' takes one token id per step, "
          + "but the " + (plan.isEmpty() ? "input has " : "layer before gives ") + features
          + " features per step; start the model with builder(layout, steps, 1)");
    }
    requireAtLeastOne("embedding '" + name + "'", vocabulary, "token");
    requireAtLeastOne("embedding '" + name + "'", dimensions, "dimension");
    int t = steps;
    return add((r, d) -> Embedding.create(name, layout, t, vocabulary, dimensions, r, d), t,
        dimensions);
  }

  /** Adds a layer norm of the F features of every step (γ = 1, β = 0, ε = 10⁻⁵). */
  public LayerStackBuilder layerNorm(String name) {
    int t = steps;
    int f = features;
    return add((r, d) -> LayerNorm.create(name, layout, t, f, d), t, f);
  }

  /**
   * Adds a recurrent layer of {@code hidden} units of {@code cell} over the T steps, returning
   * every hidden state (T steps of H) when {@code everyStep}, else the last (1 step of H);
   * parameters drawn from U(−1/√H, 1/√H).
   */
  public LayerStackBuilder recurrent(String name, Cell cell, int hidden, boolean everyStep) {
    requireAtLeastOne(cell.name() + " layer '" + name + "'", hidden, "unit");
    int t = steps;
    int f = features;
    return add((r, d) -> Recurrent.create(name, cell, layout, t, f, hidden, everyStep, r, d),
        everyStep ? t : 1, hidden);
  }

  /**
   * Adds a dense layer of {@code units} over all T·F features of each sample (after a recurrent
   * layer returning its last state, its H units), with the weight and bias initialisers set last.
   */
  public LayerStackBuilder dense(int units, Activation activation) {
    requireAtLeastOne("dense layer " + (denseLayers + 1), units, "unit");
    int index = ++denseLayers;
    int in = steps * features;
    Initializer w = currentWeights();
    Initializer b = currentBiases();
    return add((r, d) -> Dense.create(index, layout, in, units, activation, w, b, r, d), 1, units);
  }

  /**
   * Adds a dense layer of {@code units} applied to each of the T steps with the same weights
   * ({@link EveryStep}); the activation must be elementwise.
   */
  public LayerStackBuilder denseEveryStep(int units, Activation activation) {
    requireAtLeastOne("dense layer " + (denseLayers + 1), units, "unit");
    if (activation.kind() == Activation.Kind.SOFTMAX) {
      throw new IllegalArgumentException("dense layer " + (denseLayers + 1) + " on every step "
          + "needs an elementwise activation, got softmax; use dense(units, softmax) on the last "
          + "hidden state, or a sigmoid on every step");
    }
    int index = ++denseLayers;
    int t = steps;
    int f = features;
    Initializer w = currentWeights();
    Initializer b = currentBiases();
    return add((r, d) -> new EveryStep(Dense.create(index, layout, f, units, activation, w, b,
        r, d), t), t, units);
  }

  /** Creates the layers, drawing their parameters in order from the seed. */
  public LayerStack build() {
    if (plan.isEmpty()) {
      throw new IllegalStateException("add at least one layer, e.g. recurrent(\"lstm\", Cell.LSTM,"
          + " hidden, false), before build()");
    }
    RandomSource r = RandomSource.seeded(currentSeed());
    List<Layer> layers = new ArrayList<>();
    for (BiFunction<RandomSource, DType, Layer> l : plan) {
      layers.add(l.apply(r, currentDType()));
    }
    return new LayerStack(layout, layers);
  }

  private static void requireAtLeastOne(String who, int count, String what) {
    if (count < 1) {
      throw new IllegalArgumentException(who + " needs at least 1 " + what + ", got " + count);
    }
  }

}
