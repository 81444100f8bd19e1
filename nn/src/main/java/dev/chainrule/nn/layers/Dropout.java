package dev.chainrule.nn.layers;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/**
 * Inverted dropout, layer l: while training, A[l] = A[l−1] ∘ mask with each element zeroed with
 * probability {@code rate} and the rest scaled by 1/(1 − rate); in evaluation, the identity. The
 * mask is drawn from the layer's seed and its draw number draw[l], a state tensor saved with the
 * model that advances by one after every training step, so each step has a fresh mask and a run
 * resumed from a checkpoint draws the masks an uninterrupted run would.
 */
public final class Dropout extends ShapedLayer implements Stateful {
  private final double rate;
  private final long seed;
  private final Tensor draw;
  private final StateUpdates updates = new StateUpdates();

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
    super(index, input);
    if (!(rate >= 0 && rate < 1)) {
      throw new IllegalArgumentException("dropout layer " + index + " needs a rate of at least 0 "
          + "and below 1, got " + rate);
    }
    this.rate = rate;
    this.seed = seed;
    this.draw = Tensor.zeros(Shape.scalar(), dtype);
  }

  @Override
  public String name() {
    return "dropout" + index;
  }

  /** Returns the shape of one sample, unchanged by the layer. */
  public Shape outputShape() {
    return input;
  }

  /** Returns the probability with which an element is dropped while training. */
  public double rate() {
    return rate;
  }

  @Override
  public List<Parameter> buffers() {
    return List.of(new Parameter("draw[" + index + "]", draw));
  }

  @Override
  public List<StateUpdate> updates(Graph graph) {
    return updates.of(graph);
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
    return LayerNodes.activation(this, x, in -> {
      Node d = in.graph().constant("draw[" + index + "]", draw);
      Node a = in.dropout(rate, seed, d);
      updates.add(in.graph(), new StateUpdate(d, value -> draw.fillInPlace(draw.item() + 1)));
      return a;
    });
  }

  @Override
  public String toString() {
    return name() + ": dropout p=" + rate + ", " + input;
  }
}
