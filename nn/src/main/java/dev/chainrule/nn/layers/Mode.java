package dev.chainrule.nn.layers;

/**
 * Which forward pass a model builds. Layers whose training behaviour differs from their use
 * afterwards read it: {@link Dropout} drops units only while {@link #TRAINING} and is the
 * identity in {@link #EVALUATION}; {@link BatchNorm} normalises by the batch's statistics while
 * training (and updates its running statistics after each step) and by the running statistics in
 * evaluation. The trainer builds its training graphs in {@code TRAINING} mode and every graph for
 * evaluation and prediction in {@code EVALUATION} mode, so a model never needs switching by hand.
 */
public enum Mode {
  /** The training step's forward pass: dropout drops, batch norm uses the batch's statistics. */
  TRAINING,
  /** Evaluation and prediction: deterministic, dropout is the identity, batch norm is affine. */
  EVALUATION
}
