package dev.chainrule.nn.layers;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/**
 * Layer normalisation (Ba et al., 2016): each sample's F features are centred and scaled to unit
 * variance, y = (x − μ) / √(σ² + ε) ∘ γ + β, with μ and the biased σ² over those F features, and
 * γ, β learned per feature (PyTorch's {@code nn.LayerNorm(F)}). Over a sequence of T steps
 * ((T·F, m), see {@link Sequences}) each step is normalised on its own, with the same γ and β.
 * γ and β are (F, 1) in the column layout and (1, F) in the row layout.
 */
public final class LayerNorm implements Layer {
  private final String name;
  private final Layout layout;
  private final int steps;
  private final double epsilon;
  private final Tensor gamma;
  private final Tensor beta;

  /**
   * Creates layer {@code name} for sequences of {@code steps} steps (1 for plain samples) over γ
   * and β (kept, not copied) with ε added to the variance.
   */
  public LayerNorm(String name, Layout layout, int steps, Tensor gamma, Tensor beta,
      double epsilon) {
    if (!gamma.shape().equals(layout.biasShape(gamma.size()))
        || !beta.shape().equals(gamma.shape())) {
      throw new IllegalArgumentException("layer norm '" + name + "' needs γ and β of one shape, "
          + "(F, 1) in the column layout or (1, F) in the row layout; got " + gamma.shape()
          + " and " + beta.shape() + " in the " + layout.id() + " layout");
    }
    if (beta.dtype() != gamma.dtype()) {
      throw new IllegalArgumentException("layer norm '" + name + "' has γ of " + gamma.dtype()
          + " but β of " + beta.dtype() + "; a layer's parameters share one dtype");
    }
    if (!(epsilon > 0) || steps < 1) {
      throw new IllegalArgumentException("layer norm '" + name + "' needs ε > 0 and at least 1 "
          + "step, got ε = " + epsilon + " and " + steps + " steps");
    }
    this.steps = steps;
    this.name = name;
    this.layout = layout;
    this.gamma = gamma;
    this.beta = beta;
    this.epsilon = epsilon;
  }

  /**
   * Creates layer {@code name} over {@code features} per step of {@code steps} (1 for plain
   * samples), with γ = 1, β = 0 and ε = 10⁻⁵ as PyTorch.
   */
  public static LayerNorm create(String name, Layout layout, int steps, int features) {
    return create(name, layout, steps, features, DType.FLOAT64);
  }

  /**
   * Creates the layer as {@link #create(String, Layout, int, int)} does, with γ and β of {@code
   * dtype}; ε stays a double, a literal of the graph's dtype when applied.
   */
  public static LayerNorm create(String name, Layout layout, int steps, int features,
      DType dtype) {
    return new LayerNorm(name, layout, steps, Tensor.full(layout.biasShape(features), 1.0)
        .to(dtype), Tensor.zeros(layout.biasShape(features), dtype), 1e-5);
  }

  @Override
  public String name() {
    return name;
  }

  /** Returns T·F, the features per sample. */
  @Override
  public int inputSize() {
    return steps * gamma.size();
  }

  /** Returns T·F, as many as the input. */
  @Override
  public int outputSize() {
    return inputSize();
  }

  /** Returns ε. */
  public double epsilon() {
    return epsilon;
  }

  /** Returns T, the steps normalised one by one (1 for plain samples). */
  public int steps() {
    return steps;
  }

  /** Returns F, the features normalised together. */
  public int features() {
    return gamma.size();
  }

  /** Returns the layout of the input, the output, γ and β. */
  public Layout layout() {
    return layout;
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(new Parameter(name + ".gamma", gamma), new Parameter(name + ".beta", beta));
  }

  /** Normalises every group of F features of each sample of {@code input}. */
  @Override
  public LayerOutput apply(Node input) {
    int f = gamma.size();
    Sequences.requireShape(input, layout, steps * f, "layer norm '" + name + "'", steps == 1 ? f
        + " features" : steps + " steps of " + f + " features");
    Graph g = input.graph();
    try (Graph.Scope scope = g.scope(name)) {
      Node gam = g.parameter(name + ".gamma", gamma);
      Node bet = g.parameter(name + ".beta", beta);
      int m = layout.samples(input.shape());
      int k = steps;
      boolean column = layout == Layout.COLUMN;
      Node x = column ? input.reshape(k, f, m) : input.reshape(m, k, f);
      int axis = column ? 1 : 2;
      Node centred = x.sub(x.meanKeepDims(axis));
      Node spread = centred.square().meanKeepDims(axis).add(epsilon).sqrt();
      Node y = centred.div(spread).mul(gam).add(bet);
      Node out = y.reshape(input.shape().dims()).named(name + ".out");
      return new LayerOutput(out, out);
    }
  }

  @Override
  public String toString() {
    return name + ": layer norm over " + gamma.size() + " features" + (steps == 1 ? ""
        : " on each of " + steps + " steps") + ", ε = " + epsilon + " ("
        + layout.id() + " layout)";
  }
}
