package dev.chainrule.spark;

import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.layers.Parameter;
import java.io.Serializable;
import java.util.List;

/**
 * What the tasks of one synchronous step add up, by {@code treeAggregate}: the gradient of the
 * global batch's mean cost (each partition's mean gradient weighted by its share of the batch),
 * the batch's summed cost and correct predictions, and how long the tasks computed. Empty until
 * a partition contributes; modified in place as Spark's aggregation allows.
 */
final class GradientSum implements Serializable, Timed {
  private static final long serialVersionUID = 1L;

  private ParameterValues gradients;
  private double lossSum;
  private long correct;
  private long samples;
  private final TaskTimes times = new TaskTimes();

  /** Returns an empty sum, the aggregation's zero. */
  static GradientSum empty() {
    return new GradientSum();
  }

  /**
   * Adds one partition's share (modifies this): its mean {@code gradients} weighted by {@code
   * weight} (its samples over the global batch's), its mean {@code loss} over {@code samples}
   * samples, {@code right} correct predictions, computed in {@code nanos}.
   */
  GradientSum add(List<Parameter> like, Tensor[] meanGradients, double weight, double loss,
      int right, int count, long nanos) {
    if (gradients == null) {
      gradients = ParameterValues.zerosLike(like);
    }
    gradients.addScaledInPlace(weight, meanGradients);
    lossSum += loss * count;
    correct += right;
    samples += count;
    times.add(nanos);
    return this;
  }

  /** Adds {@code other} to this (modifies this) and returns this. */
  GradientSum merge(GradientSum other) {
    if (other.gradients != null) {
      if (gradients == null) {
        gradients = other.gradients;
      } else {
        gradients.addInPlace(other.gradients);
      }
    }
    lossSum += other.lossSum;
    correct += other.correct;
    samples += other.samples;
    times.merge(other.times);
    return this;
  }

  /** Returns the gradient of the batch's mean cost, or null when no partition contributed. */
  ParameterValues gradients() {
    return gradients;
  }

  /** Returns the batch's mean cost. */
  double meanLoss() {
    return lossSum / samples;
  }

  /** Returns the summed cost, Σ over samples. */
  double lossSum() {
    return lossSum;
  }

  /** Returns the number of correct predictions. */
  long correct() {
    return correct;
  }

  /** Returns the number of samples that contributed. */
  long samples() {
    return samples;
  }

  @Override
  public TaskTimes times() {
    return times;
  }
}
