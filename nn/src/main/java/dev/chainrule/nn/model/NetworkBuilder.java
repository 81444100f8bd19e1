package dev.chainrule.nn.model;

import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.Window2d;
import dev.chainrule.nn.init.Initializer;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.init.RandomSource;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.BatchNorm;
import dev.chainrule.nn.layers.Conv2d;
import dev.chainrule.nn.layers.Dense;
import dev.chainrule.nn.layers.Dropout;
import dev.chainrule.nn.layers.Flatten;
import dev.chainrule.nn.layers.Layer;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.layers.Pool2d;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Collects the layers of a {@link Network}, numbered 1, 2, ... in order, each taking the shape
 * the previous one gives (a shape that does not fit fails at that layer's method, naming it).
 * Defaults: He-normal weights (for ReLU networks) and zero biases, seed 0; parameters are drawn
 * in layer order when {@link #build()} is called; float64 unless {@link #dtype} says otherwise.
 */
public final class NetworkBuilder extends ModelBuilder<NetworkBuilder> {
  private final Shape input;
  private final List<BiFunction<Shape, RandomSource, Layer>> plan = new ArrayList<>();
  private final List<Shape> shapes = new ArrayList<>();

  NetworkBuilder(Shape input) {
    super(Initializers.heNormal());
    this.input = input;
    this.shapes.add(input);
  }

  private NetworkBuilder add(BiFunction<Shape, RandomSource, Layer> layer, Shape output) {
    plan.add(layer);
    shapes.add(output);
    return this;
  }

  private Shape current() {
    return shapes.get(shapes.size() - 1);
  }

  private int next() {
    return plan.size() + 1;
  }

  /**
   * Adds a convolution of {@code filters} square {@code size} × {@code size} filters, stride 1,
   * {@code padding} zeros on each side, then {@code activation}.
   */
  public NetworkBuilder conv2d(int filters, int size, int padding, Activation activation) {
    return conv2d(filters, size, size, Window2d.of(1, padding, 1), 1, activation);
  }

  /** Adds a convolution with a (kh, kw) kernel, any window and channel groups. */
  public NetworkBuilder conv2d(int filters, int kh, int kw, Window2d window, int groups,
      Activation activation) {
    int index = next();
    Shape in = current();
    Initializer w = currentWeights();
    Initializer b = currentBiases();
    Conv2d shaped = new Conv2d(index, in, window, groups, activation,
        Tensor.zeros(filters, in.rank() == 3 && groups > 0 ? in.dim(0) / groups : 1, kh, kw),
        Tensor.zeros(filters, 1, 1));
    return add((s, r) -> Conv2d.create(index, in, filters, kh, kw, window, groups, activation, w,
        b, r, currentDType()), shaped.outputShape());
  }

  /** Adds max pooling over size × size windows side by side (stride = size). */
  public NetworkBuilder maxPool2d(int size) {
    return pool(Pool2d.Kind.MAX, size, size, Window2d.of(size, 0, 1));
  }

  /** Adds average pooling over size × size windows side by side (stride = size). */
  public NetworkBuilder avgPool2d(int size) {
    return pool(Pool2d.Kind.AVERAGE, size, size, Window2d.of(size, 0, 1));
  }

  /** Adds pooling of {@code kind} over (kh, kw) windows sliding by {@code window}. */
  public NetworkBuilder pool(Pool2d.Kind kind, int kh, int kw, Window2d window) {
    Pool2d layer = new Pool2d(next(), kind, current(), kh, kw, window);
    return add((s, r) -> layer, layer.outputShape());
  }

  /** Adds batch normalisation over the channels (images) or the features (rows). */
  public NetworkBuilder batchNorm() {
    int index = next();
    new BatchNorm(index, current());
    return add((s, r) -> new BatchNorm(index, s, currentDType()), current());
  }

  /** Adds dropout of {@code rate}, its masks drawn from the builder's seed and the layer index. */
  public NetworkBuilder dropout(double rate) {
    int index = next();
    Shape in = current();
    new Dropout(index, in, rate, 0);
    return add((s, r) -> new Dropout(index, in, rate,
        currentSeed() * 1_000_003L + index, currentDType()), in);
  }

  /** Adds the flattening of images into rows (m, c·h·w), for dense layers to follow. */
  public NetworkBuilder flatten() {
    Flatten layer = new Flatten(next(), current(), Layout.ROW);
    return add((s, r) -> layer, Shape.of(current().size()));
  }

  /** Adds a dense layer of {@code units} on rows; after images, add {@link #flatten()} first. */
  public NetworkBuilder dense(int units, Activation activation) {
    Shape in = current();
    if (in.rank() != 1) {
      throw new IllegalArgumentException("dense layer " + next() + " takes rows of features, but "
          + "the layer before gives images " + in + " per sample; add flatten() before it");
    }
    int index = next();
    Initializer w = currentWeights();
    Initializer b = currentBiases();
    return add((s, r) -> Dense.create(index, Layout.ROW, in.dim(0), units, activation, w, b, r,
        currentDType()), Shape.of(units));
  }

  /** Creates the layers and draws their parameters. */
  public Network build() {
    RandomSource r = RandomSource.seeded(currentSeed());
    List<Layer> layers = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      layers.add(plan.get(i).apply(shapes.get(i), r));
    }
    return new Network(input, layers);
  }
}
