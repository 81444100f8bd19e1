package dev.chainrule.nn.train;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.layers.Mode;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Forward;
import dev.chainrule.nn.model.Model;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Builds a model's graph for one batch size, with or without its loss and gradients. */
final class GraphBuilder {
  private GraphBuilder() {}

  /** Returns the shape-(layout) targets input a loss reads for {@code m} samples. */
  static Node targetsInput(Graph g, Model model, Loss loss, int m) {
    Layout layout = model.layout();
    int width = loss.takesClassIndices() ? 1 : model.outputSize();
    return g.input("Y", layout.dataShape(width, m).dims());
  }

  /**
   * Builds X → model → (loss) → (gradients) for {@code m} samples; {@code loss} null builds the
   * forward pass only, {@code withGradients} adds the gradient of the loss for every parameter and
   * builds the model's training-mode forward pass (evaluation mode otherwise).
   */
  static TrainingGraph build(Model model, Loss loss, int m, boolean withGradients) {
    Graph g = new Graph(model.dtype());
    Node x = g.input("X", model.layout().dataShape(model.inputSize(), m).dims());
    Forward forward = model.forward(x, withGradients ? Mode.TRAINING : Mode.EVALUATION);
    Node y = null;
    Node cost = null;
    if (loss != null) {
      y = targetsInput(g, model, loss, m);
      cost = loss.build(forward, y);
      if (cost.shape().size() != 1) {
        throw new IllegalArgumentException("loss " + loss.name() + " built " + cost.name() + " of "
            + "shape " + cost.shape() + "; a loss must be a single number");
      }
    }
    List<Node> params = parameterNodes(g, model);
    List<Node> grads = withGradients
        ? Autodiff.grad(cost, params.toArray(new Node[0])) : List.of();
    return new TrainingGraph(g, x, y, forward, cost, params, grads);
  }

  /**
   * Returns the node holding each of the model's parameter tensors, in the model's order; throws
   * when a parameter is unused or used twice, or when the graph has a parameter the model does not
   * list (it would never be trained).
   */
  static List<Node> parameterNodes(Graph g, Model model) {
    Map<Tensor, Node> byTensor = new IdentityHashMap<>();
    for (Node n : g.nodes()) {
      if (n.kind() != NodeKind.PARAMETER) {
        continue;
      }
      if (byTensor.put(n.storedValue(), n) != null) {
        throw new IllegalStateException("the tensor of parameter " + n.name() + " appears as two "
            + "parameter nodes in the model's graph; build each parameter once per graph");
      }
    }
    List<Node> nodes = new ArrayList<>();
    for (Parameter p : model.parameters()) {
      Node n = byTensor.remove(p.value());
      if (n == null) {
        throw new IllegalStateException("model parameter " + p.name() + " " + p.value().shape()
            + " is not used by the model's forward pass");
      }
      nodes.add(n);
    }
    if (!byTensor.isEmpty()) {
      Node stray = byTensor.values().iterator().next();
      throw new IllegalStateException("the model's graph has parameter " + stray.name() + " "
          + stray.shape() + ", which model.parameters() does not list, so it would never be "
          + "trained or saved");
    }
    return nodes;
  }
}
