package dev.chainrule.nn.layers;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.init.Initializer;
import dev.chainrule.nn.init.RandomSource;
import java.util.List;

/**
 * A fully connected layer l in the seeds' notation: Z[l] = W[l]·A[l−1] + b[l] in the column
 * layout, Z[l] = A[l−1]·W[l] + b[l] in the row layout, then A[l] = g(Z[l]). Its nodes are named
 * W[l], b[l], Z[l], A[l] and built inside the graph scope {@code layer<l>}, so pictures cluster
 * them. The layer owns W[l] and b[l] as live tensors.
 */
public final class Dense implements Layer {
  private final int index;
  private final int inputs;
  private final int units;
  private final Activation activation;
  private final Layout layout;
  private final Tensor weights;
  private final Tensor biases;

  /**
   * Creates layer {@code index} (from 1) over the given tensors, which it keeps (not copies);
   * throws when their shapes do not fit {@code layout}.
   */
  public Dense(int index, Layout layout, Activation activation, Tensor weights, Tensor biases) {
    if (index < 1) {
      throw new IllegalArgumentException("layer index must be 1 or more (layer 0 is the input), "
          + "got " + index);
    }
    if (weights.rank() != 2) {
      throw new IllegalArgumentException("W[" + index + "] must be a matrix, got shape "
          + weights.shape());
    }
    this.index = index;
    this.layout = layout;
    this.activation = activation;
    this.inputs = layout == Layout.COLUMN ? weights.shape().dim(1) : weights.shape().dim(0);
    this.units = layout == Layout.COLUMN ? weights.shape().dim(0) : weights.shape().dim(1);
    Shape expected = layout.biasShape(units);
    if (!biases.shape().equals(expected)) {
      throw new IllegalArgumentException("b[" + index + "] must have shape " + expected + " to go "
          + "with W[" + index + "] " + weights.shape() + " in the " + layout.id()
          + " layout, got " + biases.shape());
    }
    if (biases.dtype() != weights.dtype()) {
      throw new IllegalArgumentException("W[" + index + "] is " + weights.dtype() + " but b["
          + index + "] is " + biases.dtype() + "; a layer's parameters share one dtype");
    }
    this.weights = weights;
    this.biases = biases;
  }

  /**
   * Creates layer {@code index} from {@code inputs} to {@code units} with fresh float64
   * parameters filled by the given initialisers, drawing from {@code random} (weights first, then
   * biases).
   */
  public static Dense create(int index, Layout layout, int inputs, int units,
      Activation activation, Initializer weightInit, Initializer biasInit, RandomSource random) {
    return create(index, layout, inputs, units, activation, weightInit, biasInit, random,
        DType.FLOAT64);
  }

  /**
   * Creates the layer as {@link #create(int, Layout, int, int, Activation, Initializer,
   * Initializer, RandomSource)} does, with parameters of {@code dtype}.
   */
  public static Dense create(int index, Layout layout, int inputs, int units,
      Activation activation, Initializer weightInit, Initializer biasInit, RandomSource random,
      DType dtype) {
    if (inputs < 1 || units < 1) {
      throw new IllegalArgumentException("layer " + index + " needs at least 1 input and 1 unit, "
          + "got " + inputs + " inputs and " + units + " units");
    }
    Tensor w = Tensor.zeros(layout.weightShape(inputs, units), dtype);
    Tensor b = Tensor.zeros(layout.biasShape(units), dtype);
    weightInit.fillInPlace(w, inputs, units, random);
    biasInit.fillInPlace(b, inputs, units, random);
    return new Dense(index, layout, activation, w, b);
  }

  /** Returns the layer's position l, from 1. */
  public int index() {
    return index;
  }

  @Override
  public String name() {
    return "layer" + index;
  }

  @Override
  public int inputSize() {
    return inputs;
  }

  @Override
  public int outputSize() {
    return units;
  }

  /** Returns the activation g. */
  public Activation activation() {
    return activation;
  }

  /** Returns the layout the layer computes in. */
  public Layout layout() {
    return layout;
  }

  /** Returns the live weight tensor W[l]. */
  public Tensor weights() {
    return weights;
  }

  /** Returns the live bias tensor b[l]. */
  public Tensor biases() {
    return biases;
  }

  @Override
  public List<Parameter> parameters() {
    return LayerNodes.weightsAndBiases(index, weights, biases);
  }

  @Override
  public LayerOutput apply(Node input) {
    return LayerNodes.affine(this, index, input, weights, biases, activation, layout,
        (w, x) -> layout == Layout.COLUMN ? w.matmul(x) : x.matmul(w));
  }

  @Override
  public String toString() {
    return name() + ": dense " + inputs + " → " + units + ", " + activation.id() + " ("
        + layout.id() + " layout)";
  }
}
