package dev.chainrule.nn.train;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Batch;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link TrainingGraph} compiled into one plan computing the cost, the logits, the output and
 * (for training) every gradient, plus the reused buffers that turn a {@link Batch} into feeds.
 */
final class CompiledGraph {
  private final TrainingGraph graph;
  private final Plan plan;
  private final Layout layout;
  private final Tensor classIndices;
  private final Tensor[] gradients;

  private CompiledGraph(TrainingGraph graph, Loss loss, Layout layout) {
    this.graph = graph;
    this.layout = layout;
    List<Node> targets = new ArrayList<>();
    if (graph.loss() != null) {
      targets.add(graph.loss());
    }
    targets.add(graph.forward().logits());
    targets.add(graph.forward().output());
    targets.addAll(graph.gradients());
    this.plan = Plan.compile(targets);
    this.classIndices = loss != null && loss.takesClassIndices()
        ? Tensor.zeros(graph.targets().shape()) : null;
    this.gradients = new Tensor[graph.gradients().size()];
  }

  /** Builds and compiles the graph of {@code model} for {@code m} samples. */
  static CompiledGraph of(Model model, Loss loss, int m, boolean withGradients) {
    return new CompiledGraph(GraphBuilder.build(model, loss, m, withGradients), loss,
        model.layout());
  }

  /** Returns the graph this plan runs. */
  TrainingGraph graph() {
    return graph;
  }

  /** Runs the plan on a batch: features, and targets when the graph has a loss. */
  Results run(Batch batch) {
    Tensor x = layout == Layout.ROW ? batch.features() : batch.featuresColumns();
    if (graph.loss() == null) {
      return plan.run(Feeds.of(graph.input(), x));
    }
    return plan.run(Feeds.of(graph.input(), x, graph.targets(), targetsOf(batch)));
  }

  /** Runs the forward pass only, on features already in the model's layout. */
  Results runFeatures(Tensor x) {
    return plan.run(Feeds.of(graph.input(), x));
  }

  private Tensor targetsOf(Batch batch) {
    if (classIndices == null) {
      return layout == Layout.ROW ? batch.targets() : batch.targetsColumns();
    }
    int[] labels = batch.labels();
    double[] d = classIndices.buffer();
    for (int i = 0; i < labels.length; i++) {
      d[i] = labels[i];
    }
    return classIndices;
  }

  /** Returns the gradient tensors of the last run, in parameter order, in a reused array. */
  Tensor[] gradients(Results r) {
    for (int i = 0; i < gradients.length; i++) {
      gradients[i] = r.get(graph.gradients().get(i));
    }
    return gradients;
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
