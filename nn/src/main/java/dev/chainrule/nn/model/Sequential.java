package dev.chainrule.nn.model;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Scaler;
import dev.chainrule.nn.init.Initializer;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.init.RandomSource;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Dense;
import dev.chainrule.nn.layers.Layer;
import dev.chainrule.nn.layers.LayerOutput;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.layers.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A stack of dense layers, each feeding the next: seed 004's 3-4-1 or an MLP such as 784-256-10.
 *
 * <pre>{@code
 * Sequential net = Sequential.builder(Layout.COLUMN, 3)
 *     .dense(4, Activation.tanh())
 *     .dense(1, Activation.sigmoid())
 *     .weights(Initializers.normal(0.01)).biases(Initializers.zeros())
 *     .seed(1)
 *     .build();
 * }</pre>
 */
public final class Sequential implements Model {
  private final Layout layout;
  private final int inputs;
  private final List<Dense> layers;

  private Sequential(Layout layout, int inputs, List<Dense> layers) {
    this.layout = layout;
    this.inputs = inputs;
    this.layers = List.copyOf(layers);
  }

  /**
   * Returns a model over existing layers, numbered 1, 2, ... in order; throws when a layer's
   * layout, index or input width does not continue from the previous one.
   */
  public static Sequential of(List<Dense> layers) {
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("a sequential model needs at least one layer");
    }
    Layout layout = layers.get(0).layout();
    int width = layers.get(0).inputSize();
    for (int i = 0; i < layers.size(); i++) {
      Dense d = layers.get(i);
      if (d.index() != i + 1 || d.layout() != layout || d.inputSize() != width) {
        throw new IllegalArgumentException("layer " + (i + 1) + " must have index " + (i + 1)
            + ", the " + layout.id() + " layout and " + width + " inputs; got " + d);
      }
      width = d.outputSize();
    }
    return new Sequential(layout, layers.get(0).inputSize(), layers);
  }

  /** Starts a model in {@code layout} taking {@code inputs} features per sample. */
  public static Builder builder(Layout layout, int inputs) {
    return new Builder(layout, inputs);
  }

  /** Returns fresh layers for {@code architecture}, initialised by the given rules and source. */
  public static Sequential of(Architecture architecture, Initializer weights, Initializer biases,
      RandomSource random) {
    Builder b = builder(architecture.layout(), architecture.inputs()).weights(weights)
        .biases(biases).random(random);
    for (Architecture.LayerSpec l : architecture.layers()) {
      b.dense(l.units(), l.activation());
    }
    return b.build();
  }

  /** Returns the layers, first to last. */
  public List<Dense> layers() {
    return layers;
  }

  @Override
  public Layout layout() {
    return layout;
  }

  @Override
  public int inputSize() {
    return inputs;
  }

  @Override
  public int outputSize() {
    return layers.get(layers.size() - 1).outputSize();
  }

  @Override
  public Forward forward(Node input) {
    if (!input.shape().equals(layout.dataShape(inputs, layout.samples(input.shape())))) {
      throw new IllegalArgumentException("input " + input.name() + " has shape " + input.shape()
          + " but this " + architecture().orElseThrow().widths() + " model in the " + layout.id()
          + " layout takes " + (layout == Layout.COLUMN ? "(" + inputs + ", m)" : "(m, " + inputs
          + ")"));
    }
    Node a = input;
    LayerOutput out = null;
    for (Dense d : layers) {
      out = d.apply(a);
      a = out.a();
    }
    return new Forward(input, out.z(), out.a(), layout);
  }

  @Override
  public List<Parameter> parameters() {
    return Layer.parametersOf(layers);
  }

  @Override
  public Optional<Architecture> architecture() {
    List<Architecture.LayerSpec> specs = new ArrayList<>();
    for (Dense d : layers) {
      specs.add(new Architecture.LayerSpec(d.outputSize(), d.activation()));
    }
    return Optional.of(new Architecture(layout, inputs, specs));
  }

  /**
   * Returns a copy of this model that takes unscaled inputs: the affine input scaling x ↦ (x −
   * μ)/s of {@code scaler} is folded into layer 1, W' = W·diag(1/s) and b' = b − W·(μ/s) in the
   * column layout (the transposes in the row layout), so that the copy applied to x equals this
   * model applied to the scaled x. This model is not modified. The folded layer is computed in
   * float64 and, in a float32 model, rounded to float32 once.
   */
  public Sequential foldInputScaling(Scaler scaler) {
    if (scaler.featureCount() != inputs) {
      throw new IllegalArgumentException("the scaler was fitted on " + scaler.featureCount()
          + " features but this model takes " + inputs);
    }
    double[] mu = scaler.offsets();
    double[] s = scaler.scales();
    Dense first = layers.get(0);
    int units = first.outputSize();
    double[] w = first.weights().toArray();
    double[] b = first.biases().toArray();
    for (int j = 0; j < inputs; j++) {
      for (int u = 0; u < units; u++) {
        int at = layout == Layout.COLUMN ? u * inputs + j : j * units + u;
        w[at] /= s[j];
        b[u] -= w[at] * mu[j];
      }
    }
    List<Dense> copy = new ArrayList<>();
    DType dtype = first.weights().dtype();
    copy.add(new Dense(1, layout, first.activation(), Tensor.of(first.weights().shape(), w)
        .to(dtype), Tensor.of(first.biases().shape(), b).to(dtype)));
    for (Dense d : layers.subList(1, layers.size())) {
      copy.add(new Dense(d.index(), layout, d.activation(), d.weights().copy(),
          d.biases().copy()));
    }
    return new Sequential(layout, inputs, copy);
  }

  @Override
  public String toString() {
    Architecture a = architecture().orElseThrow();
    StringBuilder sb = new StringBuilder("Sequential " + a.widths() + " (" + layout.id()
        + " layout, " + parameterCount() + " parameters)");
    for (Dense d : layers) {
      sb.append("\n  ").append(d);
    }
    return sb.toString();
  }

  /**
   * Collects layers and initialisation settings for a {@link Sequential}. Defaults: weights
   * N(0,1)·0.01 and zero biases (seed 004), seed 0. Layers are created, and their parameters
   * drawn, in order when {@link #build()} is called.
   */
  public static final class Builder extends ModelBuilder<Builder> {
    private final Layout layout;
    private final int inputs;
    private final List<Planned> specs = new ArrayList<>();
    private RandomSource random;

    private Builder(Layout layout, int inputs) {
      super(Initializers.normal(0.01));
      this.layout = layout;
      this.inputs = inputs;
    }

    /** Adds a dense layer of {@code units} with {@code activation}, using the default rules. */
    public Builder dense(int units, Activation activation) {
      return dense(units, activation, null, null);
    }

    /** Adds a dense layer with its own initialisers (null means the builder's default). */
    public Builder dense(int units, Activation activation, Initializer weightInit,
        Initializer biasInit) {
      specs.add(new Planned(units, activation, weightInit, biasInit));
      return this;
    }

    /** Draws the initial values from a fresh source seeded with {@code seed}. */
    @Override
    public Builder seed(long seed) {
      this.random = null;
      return super.seed(seed);
    }

    /** Draws the initial values from {@code source} (advancing it). */
    public Builder random(RandomSource source) {
      this.random = source;
      return this;
    }

    /** Creates the layers and draws their parameters. */
    public Sequential build() {
      if (specs.isEmpty()) {
        throw new IllegalStateException("add at least one layer with dense(units, activation)");
      }
      RandomSource r = random != null ? random : RandomSource.seeded(currentSeed());
      List<Dense> layers = new ArrayList<>();
      int width = inputs;
      for (Planned s : specs) {
        Initializer w = s.weightInit() != null ? s.weightInit() : currentWeights();
        Initializer b = s.biasInit() != null ? s.biasInit() : currentBiases();
        layers.add(Dense.create(layers.size() + 1, layout, width, s.units(), s.activation(), w,
            b, r, currentDType()));
        width = s.units();
      }
      return new Sequential(layout, inputs, layers);
    }

    private record Planned(int units, Activation activation, Initializer weightInit,
        Initializer biasInit) {}
  }
}
