package dev.chainrule.nn.layers;

import dev.chainrule.core.graph.Node;

/**
 * The two nodes a layer adds for the next one to use: its linear part Z[l] and its activation
 * A[l] = g(Z[l]) (the same node when g is the identity). Losses that need logits for numerical
 * stability read Z of the last layer.
 *
 * @param z the pre-activation Z[l]
 * @param a the activation A[l]
 */
public record LayerOutput(Node z, Node a) {}
