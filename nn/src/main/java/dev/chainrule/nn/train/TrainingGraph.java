package dev.chainrule.nn.train;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.nn.model.Forward;
import java.util.List;

/**
 * The graph a trainer builds for one batch size: the input X and targets Y it feeds, the model's
 * forward pass, the cost J and, for training, one gradient node per model parameter (dW[1], db[1],
 * ...). Read it to print formulas or draw the forward and backward graph the trainer runs.
 *
 * @param graph the graph holding every node below
 * @param input the fed input X
 * @param targets the fed targets Y (values or class indices), or null when built without a loss
 * @param forward the model's forward pass
 * @param loss the cost J, or null when built without a loss
 * @param parameters the parameter nodes, in the model's parameter order
 * @param gradients the gradient of J with respect to each parameter, empty for evaluation
 */
public record TrainingGraph(Graph graph, Node input, Node targets, Forward forward, Node loss,
    List<Node> parameters, List<Node> gradients) {
  /** Returns the number of samples the graph was built for. */
  public int batchSize() {
    return forward.batchSize();
  }
}
