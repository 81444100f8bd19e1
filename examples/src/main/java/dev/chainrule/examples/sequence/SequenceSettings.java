package dev.chainrule.examples.sequence;

import dev.chainrule.core.tensor.DType;

/**
 * The settings of a {@code sequence} run.
 *
 * @param cell "lstm" or "gru"
 * @param bits digits of each number added (the sequences have bits + 1 steps)
 * @param hidden hidden units of the recurrent layer
 * @param samples training additions
 * @param testSamples test additions, drawn apart from the training ones
 * @param epochs passes over the training set
 * @param batchSize additions per step
 * @param learningRate Adam's learning rate
 * @param seed seed of the data, the weights and the shuffling
 * @param dtype the number type of the model and the data
 */
public record SequenceSettings(String cell, int bits, int hidden, int samples, int testSamples,
    int epochs, int batchSize, double learningRate, long seed, DType dtype) {
  /** Returns the model in words, e.g. "GRU 2 → 16, sigmoid on each of 9 steps". */
  public String description() {
    return cell.toUpperCase(java.util.Locale.ROOT) + " 2 → " + hidden + ", a sigmoid on each of "
        + (bits + 1) + " steps";
  }
}
