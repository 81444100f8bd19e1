package dev.chainrule.nn.train;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Batch;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * A forward {@link TrainingGraph} (no gradients) compiled into one plan computing the cost (when
 * the graph has a loss), the logits and the output: what inference runs.
 */
final class CompiledGraph {
  private final TrainingGraph graph;
  private final Plan plan;
  private final BatchFeeds feeds;

  private CompiledGraph(TrainingGraph graph, Loss loss, Model model) {
    this.graph = graph;
    List<Node> targets = new ArrayList<>();
    if (graph.loss() != null) {
      targets.add(graph.loss());
    }
    targets.add(graph.forward().logits());
    targets.add(graph.forward().output());
    this.plan = Plan.compile(targets);
    this.feeds = new BatchFeeds(graph, loss, model.layout());
  }

  /** Builds and compiles the forward graph of {@code model} (with {@code loss} unless null). */
  static CompiledGraph of(Model model, Loss loss, int m) {
    return new CompiledGraph(GraphBuilder.build(model, loss, m, false), loss, model);
  }

  /**
   * Runs the plan on a batch just filled from its data set (not scanned for NaN again): features,
   * and targets when the graph has a loss.
   */
  Results runFilled(Batch batch) {
    return plan.run(feeds.of(batch, true));
  }

  /** Runs the forward pass only, on features already in the model's layout. */
  Results runFeatures(Tensor x) {
    return plan.run(Feeds.of(graph.input(), x));
  }

  /** Returns the cost of the last run. */
  double loss(Results r) {
    return r.scalar(graph.loss());
  }

  /** Returns the logits of the last run (a plan buffer, valid until the next run). */
  Tensor logits(Results r) {
    return r.get(graph.forward().logits());
  }

  /** Returns the output of the last run (a plan buffer, valid until the next run). */
  Tensor output(Results r) {
    return r.get(graph.forward().output());
  }
}
