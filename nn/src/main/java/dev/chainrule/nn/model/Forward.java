package dev.chainrule.nn.model;

import dev.chainrule.core.graph.Node;
import dev.chainrule.nn.layers.Layout;

/**
 * The nodes a model's forward pass adds to a graph: the input it was built on, the logits (the
 * last linear part, Z[L], which stable losses read) and the output (A[L] = g(Z[L]), probabilities
 * for a sigmoid or softmax output). For a model without a final activation both are the same
 * node.
 *
 * @param input the input node X = A[0]
 * @param logits the last pre-activation Z[L]
 * @param output the model's output A[L]
 * @param layout where the samples lie in all three
 */
public record Forward(Node input, Node logits, Node output, Layout layout) {
  /** Returns the number of samples the graph was built for. */
  public int batchSize() {
    return layout.samples(input.shape());
  }
}
