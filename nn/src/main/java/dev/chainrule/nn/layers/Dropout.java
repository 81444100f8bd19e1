package dev.chainrule.nn.layers;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Inverted dropout, layer l: while training, A[l] = A[l−1] ∘ mask with each element zeroed with
 * probability {@code rate} and the rest scaled by 1/(1 − rate); in evaluation, the identity. The
 * mask is drawn from the layer's seed and its draw number draw[l], a state tensor saved with the
 * model that advances by one after every training step, so each step has a fresh mask and a run
 * resumed from a checkpoint draws the masks an uninterrupted run would.
 */
public final class Dropout implements Layer, Stateful {
  private final int index;
  private final Shape input;
  private final double rate;
  private final long seed;
  private final Tensor draw;
  private final Map<Graph, List<StateUpdate>> updates = new WeakHashMap<>();

  /**
   * Creates layer {@code index} dropping elements of samples of shape {@code input} with
   * probability {@code rate} (in [0, 1)), its masks drawn from {@code seed}.
   */
  public Dropout(int index, Shape input, double rate, long seed) {
    this(index, input, rate, seed, DType.FLOAT64);
  }

  /**
   * Creates the layer as {@link #Dropout(int, Shape, double, long)} does, for a model of {@code
   * dtype}: its draw counter (saved with the model) has that dtype, exact in float32 up to 2²⁴
   * training steps.
   */
  public Dropout(int index, Shape input, double rate, long seed, DType dtype) {
    if (!(rate >= 0 && rate < 1)) {
      throw new IllegalArgumentException("dropout layer " + index + " needs a rate of at least 0 "
          + "and below 1, got " + rate);
    }
    this.index = index;
    this.input = input;
    this.rate = rate;
    this.seed = seed;
    this.draw = Tensor.zeros(Shape.scalar(), dtype);
  }

  @Override
  public String name() {
    return "dropout" + index;
  }

  @Override
  public int inputSize() {
    return input.size();
  }

  @Override
  public int outputSize() {
    return input.size();
  }

  /** Returns the shape of one sample, unchanged by the layer. */
  public Shape outputShape() {
    return input;
  }

  /** Returns the layer's position l, from 1. */
  public int index() {
    return index;
  }

  /** Returns the probability with which an element is dropped while training. */
  public double rate() {
    return rate;
  }

  @Override
  public List<Parameter> parameters() {
    return List.of();
  }

  @Override
  public List<Parameter> buffers() {
    return List.of(new Parameter("draw[" + index + "]", draw));
  }

  @Override
  public synchronized List<StateUpdate> updates(Graph graph) {
    return List.copyOf(updates.getOrDefault(graph, List.of()));
  }

  /** Returns the input itself: evaluation mode. */
  @Override
  public LayerOutput apply(Node x) {
    return new LayerOutput(x, x);
  }

  @Override
  public LayerOutput apply(Node x, Mode mode) {
    if (mode == Mode.EVALUATION || rate == 0) {
      return apply(x);
    }
    Graph g = x.graph();
    try (Graph.Scope scope = g.scope(name())) {
      Node d = g.constant("draw[" + index + "]", draw);
      Node a = x.dropout(rate, seed, d).named("A[" + index + "]");
      synchronized (this) {
        updates.computeIfAbsent(g, k -> new ArrayList<>()).add(new StateUpdate(d,
            value -> draw.fillInPlace(draw.item() + 1)));
      }
      return new LayerOutput(a, a);
    }
  }

  @Override
  public String toString() {
    return name() + ": dropout p=" + rate + ", " + input;
  }
}
