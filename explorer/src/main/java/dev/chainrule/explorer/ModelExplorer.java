package dev.chainrule.explorer;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.autodiff.Gradients;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Forward;
import dev.chainrule.nn.model.Model;
import dev.chainrule.nn.model.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Builds the explorer of a model: its forward pass on a batch of features, the loss against the
 * batch's targets, and the gradients of the loss with respect to every parameter, in a graph of
 * their own, with the batch held by the inputs X and Y so that every node has a value. The page
 * opens with one box per layer; a click on a box opens it.
 *
 * <pre>{@code
 * ModelExplorer.of(model, Loss.softmaxCrossEntropy(), features, targets)
 *     .write(Path.of("model.html"));
 * }</pre>
 */
public final class ModelExplorer {
  private ModelExplorer() {}

  /**
   * Returns the explorer of {@code model} with {@code loss} on one batch: {@code features} and
   * {@code targets} shaped as the model's layout says (one sample a row in the row layout).
   *
   * @throws IllegalArgumentException when a batch does not fit the model
   */
  public static GraphExplorer of(Model model, Loss loss, Tensor features, Tensor targets) {
    Graph g = new Graph();
    Forward f = model.forward(g.input("X", features));
    Node y = g.input("Y", targets);
    Node cost = loss.build(f, y);
    List<Node> parameters = new ArrayList<>();
    for (Node n : g.nodes()) {
      if (n.kind() == NodeKind.PARAMETER) {
        parameters.add(n);
      }
    }
    Gradients grads = Autodiff.gradients(cost, parameters);
    return GraphExplorer.of(cost).gradients(grads).collapsedLayers(true).title("chainrule model "
        + description(model) + ", loss " + loss.name());
  }

  /**
   * Returns what the title calls the model: a dense stack's widths (784-256-10), a network's
   * sample shape, layers and outputs ((1, 28, 28) → conv1 → … → layer5 → 10), or else the model's
   * class name.
   */
  private static String description(Model model) {
    if (model.architecture().isPresent()) {
      return model.architecture().get().widths();
    }
    if (model instanceof Network net) {
      StringJoiner stages = new StringJoiner(" → ");
      stages.add(net.sampleShape().toString());
      net.layers().forEach(l -> stages.add(l.name()));
      return stages.add(Integer.toString(net.outputSize())).toString();
    }
    return model.getClass().getSimpleName();
  }
}
