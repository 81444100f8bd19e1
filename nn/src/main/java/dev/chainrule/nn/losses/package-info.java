/**
 * Losses as graph nodes: L1, L2/MSE, seed 001's ½·Σ(target − out)², binary cross-entropy from
 * probabilities and (stable) from logits, softmax cross-entropy with one-hot or class-index
 * targets (stable, via log-softmax), and the L2 penalty ½λ‖W‖².
 *
 * <p>Entry points: {@link dev.chainrule.nn.losses.Losses} (functions from nodes to a cost node)
 * and {@link dev.chainrule.nn.losses.Loss} (the objective a trainer minimises, reading a model's
 * output or logits).
 */
package dev.chainrule.nn.losses;
