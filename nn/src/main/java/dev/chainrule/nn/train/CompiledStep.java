package dev.chainrule.nn.train;

import dev.chainrule.core.exec.Results;
import dev.chainrule.core.exec.train.OptimizerState;
import dev.chainrule.core.exec.train.TrainingStep;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Batch;
import dev.chainrule.nn.layers.StateUpdate;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Model;
import java.util.List;

/**
 * The training graph of one batch size compiled into core's {@link TrainingStep}: forward pass,
 * backward pass and the optimizer's update in one plan, keeping the logits for accuracy.
 */
final class CompiledStep {
  private final TrainingGraph graph;
  private final TrainingStep step;
  private final BatchFeeds feeds;
  private final List<StateUpdate> updates;

  private CompiledStep(TrainingGraph graph, Loss loss, Model model, OptimizerState state) {
    this.graph = graph;
    this.updates = model.stateUpdates(graph.graph());
    TrainingStep.Builder b = TrainingStep.builder(graph.loss()).parameters(graph.parameters())
        .gradients(graph.gradients()).optimizerState(state).observe(graph.forward().logits());
    for (StateUpdate u : updates) {
      b.observe(u.observed());
    }
    this.step = b.build();
    this.feeds = new BatchFeeds(graph, loss, model.layout());
  }

  /** Builds the training graph of {@code model} for {@code m} samples; updates by {@code state}. */
  static CompiledStep of(Model model, Loss loss, int m, OptimizerState state) {
    return new CompiledStep(GraphBuilder.build(model, loss, m, true), loss, model, state);
  }

  /** Returns the graph this step runs. */
  TrainingGraph graph() {
    return graph;
  }

  /** Returns the compiled training step. */
  TrainingStep step() {
    return step;
  }

  /**
   * Runs one step on {@code batch} at {@code learningRate}: modifies the parameters in place unless
   * the cost is not finite, and then the model's state (running statistics, dropout draws) by its
   * state updates; the results hold the cost before the update and the logits. A batch {@code
   * justFilled} from its data set is not scanned for NaN again ({@link BatchFeeds#of}).
   */
  Results run(Batch batch, double learningRate, boolean justFilled) {
    Results r = step.run(feeds.of(batch, justFilled), learningRate);
    if (!updates.isEmpty() && Double.isFinite(loss(r))) {
      for (StateUpdate u : updates) {
        u.apply().accept(r.get(u.observed()));
      }
    }
    return r;
  }

  /**
   * Runs forward and backward on {@code batch} without updating anything; the results hold the
   * cost, the logits and every gradient.
   */
  Results gradients(Batch batch) {
    return step.computeGradients(feeds.of(batch, false));
  }

  /** Returns the cost of the last run. */
  double loss(Results r) {
    return r.scalar(graph.loss());
  }

  /** Returns the logits of the last run (a plan buffer, valid until the next run). */
  Tensor logits(Results r) {
    return r.get(graph.forward().logits());
  }
}
