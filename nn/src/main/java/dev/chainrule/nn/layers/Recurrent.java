package dev.chainrule.nn.layers;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.init.RandomSource;
import java.util.ArrayList;
import java.util.List;

/**
 * A recurrent layer ({@link Cell#RNN}, {@link Cell#LSTM} or {@link Cell#GRU}) unrolled over a
 * sequence of T steps: the same weights applied at every step, from a zero initial state, so that
 * the gradient is back-propagation through time through the graph. Its input is a sequence of T
 * steps of F features laid out as {@link Sequences} says ((T·F, m) in the column layout); its
 * output is the last hidden state h_T (H, m), or every hidden state as a sequence (T·H, m).
 * Parameters, named {@code <name>.W_ih}, {@code .W_hh}, {@code .b_ih}, {@code .b_hh}, are
 * PyTorch's in the column layout (W_ih (G·H, F)) and their transposes in the row layout.
 */
public final class Recurrent implements Layer {
  private final String name;
  private final Cell cell;
  private final Layout layout;
  private final int steps;
  private final int features;
  private final int hidden;
  private final boolean everyStep;
  private final Tensor[] weights;

  /**
   * Creates layer {@code name} over the tensors W_ih, W_hh, b_ih, b_hh (kept, not copied) for
   * {@code steps} steps, returning every hidden state when {@code everyStep}, else the last.
   */
  public Recurrent(String name, Cell cell, Layout layout, int steps, boolean everyStep,
      Tensor inputWeights, Tensor hiddenWeights, Tensor inputBias, Tensor hiddenBias) {
    this.name = name;
    this.cell = cell;
    this.layout = layout;
    this.steps = steps;
    this.everyStep = everyStep;
    Shape wih = inputWeights.shape();
    Shape whh = hiddenWeights.shape();
    boolean matrices = wih.rank() == 2 && whh.rank() == 2;
    int gh = matrices ? layout.features(whh) : 0;
    this.hidden = gh / cell.gates();
    this.features = matrices ? wih.dim(1 - layout.featureAxis()) : 0;
    boolean fits = matrices && steps >= 1 && hidden >= 1 && features >= 1
        && gh == cell.gates() * hidden && wih.equals(layout.weightShape(features, gh))
        && whh.equals(layout.weightShape(hidden, gh))
        && inputBias.shape().equals(layout.biasShape(gh))
        && hiddenBias.shape().equals(layout.biasShape(gh));
    if (!fits) {
      throw new IllegalArgumentException(cell.name() + " layer '" + name + "' needs at least 1 "
          + "step and, for F inputs and H units in the " + layout.id() + " layout, W_ih "
          + (layout == Layout.COLUMN ? "(G·H, F)" : "(F, G·H)") + ", W_hh "
          + (layout == Layout.COLUMN ? "(G·H, H)" : "(H, G·H)") + " and biases "
          + (layout == Layout.COLUMN ? "(G·H, 1)" : "(1, G·H)") + " with G = " + cell.gates()
          + "; got " + steps + " steps, W_ih " + wih + ", W_hh " + whh + ", b_ih "
          + inputBias.shape() + " and b_hh " + hiddenBias.shape());
    }
    this.weights = new Tensor[] {inputWeights, hiddenWeights, inputBias, hiddenBias};
    for (Tensor w : weights) {
      if (w.dtype() != inputWeights.dtype()) {
        throw new IllegalArgumentException(cell.name() + " layer '" + name + "' has W_ih of "
            + inputWeights.dtype() + " but a parameter of " + w.dtype() + "; a layer's "
            + "parameters share one dtype");
      }
    }
  }

  /**
   * Creates layer {@code name} from {@code features} inputs to {@code hidden} units, every
   * parameter drawn from U(−1/√H, 1/√H) as PyTorch does (W_ih, W_hh, b_ih, b_hh in that order).
   */
  public static Recurrent create(String name, Cell cell, Layout layout, int steps, int features,
      int hidden, boolean everyStep, RandomSource random) {
    return create(name, cell, layout, steps, features, hidden, everyStep, random, DType.FLOAT64);
  }

  /**
   * Creates the layer as {@link #create(String, Cell, Layout, int, int, int, boolean,
   * RandomSource)} does, with parameters of {@code dtype} (float32 ones hold the float64 draws
   * rounded).
   */
  public static Recurrent create(String name, Cell cell, Layout layout, int steps, int features,
      int hidden, boolean everyStep, RandomSource random, DType dtype) {
    if (features < 1 || hidden < 1) {
      throw new IllegalArgumentException(cell.name() + " layer '" + name + "' needs at least 1 "
          + "input and 1 unit, got " + features + " inputs and " + hidden + " units");
    }
    int gh = cell.gates() * hidden;
    Tensor[] t = {Tensor.zeros(layout.weightShape(features, gh), dtype),
        Tensor.zeros(layout.weightShape(hidden, gh), dtype),
        Tensor.zeros(layout.biasShape(gh), dtype), Tensor.zeros(layout.biasShape(gh), dtype)};
    double bound = 1 / Math.sqrt(hidden);
    for (Tensor p : t) {
      Initializers.uniform(-bound, bound).fillInPlace(p, features, gh, random);
    }
    return new Recurrent(name, cell, layout, steps, everyStep, t[0], t[1], t[2], t[3]);
  }

  @Override
  public String name() {
    return name;
  }

  /** Returns T·F, the features of the input sequence per sample. */
  @Override
  public int inputSize() {
    return steps * features;
  }

  /** Returns T·H when every hidden state is returned, else H. */
  @Override
  public int outputSize() {
    return everyStep ? steps * hidden : hidden;
  }

  /** Returns the cell. */
  public Cell cell() {
    return cell;
  }

  /** Returns H, the hidden units. */
  public int hiddenSize() {
    return hidden;
  }

  /** Returns F, the input features of each step. */
  public int inputFeatures() {
    return features;
  }

  /** Returns T, the steps of the sequences it takes. */
  public int steps() {
    return steps;
  }

  /** Returns true when the layer returns every hidden state, false for the last only. */
  public boolean everyStep() {
    return everyStep;
  }

  /** Returns the layout of the input sequence, the output and the parameters. */
  public Layout layout() {
    return layout;
  }

  @Override
  public List<Parameter> parameters() {
    String[] names = {".W_ih", ".W_hh", ".b_ih", ".b_hh"};
    List<Parameter> out = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      out.add(new Parameter(name + names[i], weights[i]));
    }
    return out;
  }

  /** Unrolls the cell over the T steps of {@code input} and returns h_T or all h_t. */
  @Override
  public LayerOutput apply(Node input) {
    List<Node> xs = Sequences.steps(input, layout, steps, features,
        cell.name() + " layer '" + name + "'");
    Graph g = input.graph();
    try (Graph.Scope scope = g.scope(name)) {
      List<Parameter> p = parameters();
      Node[] w = new Node[p.size()];
      for (int i = 0; i < w.length; i++) {
        w[i] = g.parameter(p.get(i).name(), p.get(i).value());
      }
      Node zeros = g.scalar(0.0).broadcastTo(layout.dataShape(hidden, layout.samples(
          input.shape())));
      Cell.State state = new Cell.State(zeros, cell == Cell.LSTM ? zeros : null);
      List<Node> hs = new ArrayList<>();
      for (int t = 0; t < steps; t++) {
        Node inputPart = Sequences.affine(layout, w[0], xs.get(t), w[2]);
        Node hiddenPart = Sequences.affine(layout, w[1], state.h(), w[3]);
        state = cell.step(state, inputPart, hiddenPart, hidden, layout.featureAxis());
        hs.add(state.h().named(name + ".h" + (t + 1)));
      }
      Node out = everyStep ? Sequences.joined(hs, layout) : state.h();
      return new LayerOutput(out, out);
    }
  }

  @Override
  public String toString() {
    return name + ": " + cell.id() + " " + features + " → " + hidden + " over " + steps
        + " steps, " + (everyStep ? "every hidden state" : "the last hidden state") + " ("
        + layout.id() + " layout)";
  }
}
