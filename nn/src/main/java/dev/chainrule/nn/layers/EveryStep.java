package dev.chainrule.nn.layers;

import dev.chainrule.core.graph.Node;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * A dense layer applied to every step of a sequence with the same weights (Keras's {@code
 * TimeDistributed(Dense)}): a sequence of T steps of F features ({@link Sequences}) becomes T steps
 * of U units. The steps are moved next to the samples, so the whole sequence is one matrix
 * product: (T·F, m) is read as (F, T·m) in the column layout, (m, T·F) as (m·T, F) in the row
 * layout. The activation must be elementwise (not softmax). Its parameters are the dense layer's.
 */
public final class EveryStep implements Layer {
  private final Dense dense;
  private final int steps;

  /** Applies {@code dense} (kept) to each of {@code steps} steps; its activation is elementwise. */
  public EveryStep(Dense dense, int steps) {
    if (steps < 1 || dense.activation().kind() == Activation.Kind.SOFTMAX) {
      throw new IllegalArgumentException("a dense layer applied to every step needs at least 1 "
          + "step and an elementwise activation, got " + steps + " steps and "
          + dense.activation().id());
    }
    this.dense = dense;
    this.steps = steps;
  }

  @Override
  public String name() {
    return dense.name();
  }

  @Override
  public int inputSize() {
    return steps * dense.inputSize();
  }

  @Override
  public int outputSize() {
    return steps * dense.outputSize();
  }

  @Override
  public List<Parameter> parameters() {
    return dense.parameters();
  }

  /** Returns the dense layer applied to each step. */
  public Dense dense() {
    return dense;
  }

  /** Returns T, the steps of the sequences it takes. */
  public int steps() {
    return steps;
  }

  /** Applies the dense layer to each step of {@code input} and returns the sequence of results. */
  @Override
  public LayerOutput apply(Node input) {
    Layout layout = dense.layout();
    int f = dense.inputSize();
    int u = dense.outputSize();
    Sequences.requireShape(input, layout, steps * f,
        "dense layer '" + name() + "' on every step", steps + " steps of " + f + " features");
    int m = layout.samples(input.shape());
    boolean column = layout == Layout.COLUMN;
    BinaryOperator<Node> product = column
        ? (w, x) -> w.matmul(x.reshape(steps, f, m).transpose(1, 0, 2).reshape(f, steps * m))
        : (w, x) -> x.reshape(m * steps, f).matmul(w);
    UnaryOperator<Node> unfold = column
        ? z -> z.reshape(u, steps, m).transpose(1, 0, 2).reshape(steps * u, m)
        : z -> z.reshape(m, steps * u);
    return LayerNodes.affine(this, dense.index(), input, dense.weights(), dense.biases(),
        dense.activation(), layout, product, unfold);
  }

  @Override
  public String toString() {
    return dense + ", on each of " + steps + " steps";
  }
}
