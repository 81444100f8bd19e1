package dev.chainrule.nn.layers;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/**
 * Batch normalisation, layer l, over the channels of images (m, c, h, w) or the features of rows
 * (m, features): A[l] = γ[l] ∘ (A[l−1] − μ) / √(σ² + ε) + β[l]. While training μ and σ² are the
 * batch's mean and (biased) variance per channel, and after each step they are blended into the
 * running statistics, running = (1 − momentum)·running + momentum·batch (the variance made
 * unbiased, as PyTorch does); in evaluation the running statistics stand in for them, so the
 * layer is a fixed affine map. The running statistics are state saved with the model.
 */
public final class BatchNorm extends ShapedLayer implements Stateful {
  /** PyTorch's default ε, added to the variance. */
  public static final double EPSILON = 1e-5;
  /** PyTorch's default momentum of the running statistics. */
  public static final double MOMENTUM = 0.1;

  private final Tensor gamma;
  private final Tensor beta;
  private final Tensor runningMean;
  private final Tensor runningVar;
  private final int[] axes;
  private final StateUpdates updates = new StateUpdates();

  /**
   * Creates layer {@code index} for samples of {@code input}, (channels, height, width) or
   * (features,), with float64 γ = 1, β = 0, running mean 0 and running variance 1.
   */
  public BatchNorm(int index, Shape input) {
    this(index, input, DType.FLOAT64);
  }

  /**
   * Creates the layer as {@link #BatchNorm(int, Shape)} does, its parameters and running
   * statistics of {@code dtype}.
   */
  public BatchNorm(int index, Shape input, DType dtype) {
    super(index, input);
    if (input.rank() != 3 && input.rank() != 1) {
      throw new IllegalArgumentException("batch norm layer " + index + " takes images (channels, "
          + "height, width) or feature rows (features,) per sample, got " + input);
    }
    Shape stats = input.rank() == 3 ? Shape.of(1, input.dim(0), 1, 1) : Shape.of(1, input.dim(0));
    this.gamma = Tensor.full(stats, 1.0).to(dtype);
    this.beta = Tensor.zeros(stats, dtype);
    this.runningMean = Tensor.zeros(stats, dtype);
    this.runningVar = Tensor.full(stats, 1.0).to(dtype);
    this.axes = input.rank() == 3 ? new int[] {0, 2, 3} : new int[] {0};
  }

  @Override
  public String name() {
    return "batchnorm" + index;
  }

  /** Returns the shape of one sample, unchanged by the layer. */
  public Shape outputShape() {
    return input;
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(new Parameter("γ[" + index + "]", gamma), new Parameter("β[" + index + "]",
        beta));
  }

  @Override
  public List<Parameter> buffers() {
    return List.of(new Parameter("running_mean[" + index + "]", runningMean),
        new Parameter("running_var[" + index + "]", runningVar));
  }

  @Override
  public List<StateUpdate> updates(Graph graph) {
    return updates.of(graph);
  }

  /** Normalises by the running statistics: evaluation mode. */
  @Override
  public LayerOutput apply(Node x) {
    return apply(x, Mode.EVALUATION);
  }

  @Override
  public LayerOutput apply(Node x, Mode mode) {
    return LayerNodes.activation(this, x, in -> {
      Graph g = in.graph();
      Node gammaNode = g.parameter("γ[" + index + "]", gamma);
      Node betaNode = g.parameter("β[" + index + "]", beta);
      Node mean;
      Node variance;
      if (mode == Mode.TRAINING) {
        mean = in.meanKeepDims(axes).named("μ[" + index + "]");
        variance = in.sub(mean).square().meanKeepDims(axes).named("σ²[" + index + "]");
        int count = in.shape().size() / input.dim(0);
        double unbiased = count > 1 ? (double) count / (count - 1) : 1.0;
        updates.add(g, new StateUpdate(mean, value -> blend(runningMean, value, 1.0)),
            new StateUpdate(variance, value -> blend(runningVar, value, unbiased)));
      } else {
        mean = g.constant("running_mean[" + index + "]", runningMean);
        variance = g.constant("running_var[" + index + "]", runningVar);
      }
      Node normalised = in.sub(mean).div(variance.add(EPSILON).sqrt()).named("x̂[" + index + "]");
      return normalised.mul(gammaNode).add(betaNode);
    });
  }

  /**
   * running ← (1 − momentum)·running + momentum·scale·batch, in place, in the running
   * statistics' dtype (a float32 blend rounds once, as {@link Tensor#addScaledInPlace} does).
   */
  private static void blend(Tensor running, Tensor batch, double scale) {
    running.scaleInPlace(1 - MOMENTUM);
    running.addScaledInPlace(MOMENTUM * scale, batch);
  }

  @Override
  public String toString() {
    return name() + ": batch norm over " + input.dim(0) + (input.rank() == 3 ? " channels, "
        : " features, ") + input;
  }
}
