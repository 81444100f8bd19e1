package dev.chainrule.nn.layers;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.init.RandomSource;
import java.util.List;

/**
 * A lookup table of one learned vector per token: each sample's T token ids (whole numbers from 0
 * to V − 1, stored as doubles) become T vectors of D features, laid out as a sequence (see {@link
 * Sequences}): ids (T, m) give (T·D, m) in the column layout, ids (m, T) give (m, T·D) in the row
 * layout. The table E is (D, V) in the column layout (like a dense layer's W, so that E·onehot(id)
 * is the lookup) and (V, D) in the row layout (PyTorch's {@code nn.Embedding.weight}). It is a
 * {@code gather} of E, whose gradient is a scatter-add: a token met twice adds both gradients.
 */
public final class Embedding implements Layer {
  private final String name;
  private final Layout layout;
  private final int steps;
  private final Tensor table;

  /**
   * Creates layer {@code name} over {@code table} (kept, not copied) for sequences of {@code
   * steps} tokens; the table's shape says V and D per {@code layout}.
   */
  public Embedding(String name, Layout layout, int steps, Tensor table) {
    if (table.rank() != 2 || steps < 1) {
      throw new IllegalArgumentException("embedding '" + name + "' needs a table matrix and at "
          + "least 1 step, got a table of shape " + table.shape() + " and " + steps + " steps");
    }
    this.name = name;
    this.layout = layout;
    this.steps = steps;
    this.table = table;
  }

  /**
   * Creates layer {@code name} of {@code vocabulary} tokens of {@code dimensions} features each for
   * sequences of {@code steps} tokens, the table drawn from N(0, 1) as PyTorch does.
   */
  public static Embedding create(String name, Layout layout, int steps, int vocabulary,
      int dimensions, RandomSource random) {
    return create(name, layout, steps, vocabulary, dimensions, random, DType.FLOAT64);
  }

  /**
   * Creates the layer as {@link #create(String, Layout, int, int, int, RandomSource)} does, with a
   * table of {@code dtype} (a float32 table holds the float64 draws rounded).
   */
  public static Embedding create(String name, Layout layout, int steps, int vocabulary,
      int dimensions, RandomSource random, DType dtype) {
    if (vocabulary < 1 || dimensions < 1) {
      throw new IllegalArgumentException("embedding '" + name + "' needs at least 1 token and 1 "
          + "dimension, got " + vocabulary + " tokens of " + dimensions);
    }
    Tensor t = Tensor.zeros(layout.weightShape(vocabulary, dimensions), dtype);
    Initializers.normal(1.0).fillInPlace(t, vocabulary, dimensions, random);
    return new Embedding(name, layout, steps, t);
  }

  @Override
  public String name() {
    return name;
  }

  /** Returns T, the token ids per sample. */
  @Override
  public int inputSize() {
    return steps;
  }

  /** Returns T·D, the features of the embedded sequence per sample. */
  @Override
  public int outputSize() {
    return steps * dimensions();
  }

  /** Returns V, the number of tokens. */
  public int vocabulary() {
    return layout == Layout.COLUMN ? table.shape().dim(1) : table.shape().dim(0);
  }

  /** Returns D, the features per token. */
  public int dimensions() {
    return layout == Layout.COLUMN ? table.shape().dim(0) : table.shape().dim(1);
  }

  /** Returns the live table E. */
  public Tensor table() {
    return table;
  }

  /** Returns the layout of the token ids and of the embedded sequence. */
  public Layout layout() {
    return layout;
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(new Parameter(name + ".E", table));
  }

  /** Returns the embedded sequence of the token ids in {@code ids} ((T, m) or (m, T)). */
  @Override
  public LayerOutput apply(Node ids) {
    Sequences.requireShape(ids, layout, steps, "embedding '" + name + "'",
        steps + " token ids");
    Graph g = ids.graph();
    try (Graph.Scope scope = g.scope(name)) {
      Node e = g.parameter(name + ".E", table);
      int m = layout.samples(ids.shape());
      Node out = layout == Layout.COLUMN
          ? e.gather(ids, 1).transpose(1, 0, 2).reshape(steps * dimensions(), m)
          : e.gather(ids, 0).reshape(m, steps * dimensions());
      out.named(name + ".out");
      return new LayerOutput(out, out);
    }
  }

  @Override
  public String toString() {
    return name + ": embedding of " + vocabulary() + " tokens in " + dimensions()
        + " dimensions, " + steps + " steps (" + layout.id() + " layout)";
  }
}
