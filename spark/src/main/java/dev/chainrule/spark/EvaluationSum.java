package dev.chainrule.spark;

import dev.chainrule.nn.train.Evaluation;
import java.io.Serializable;

/**
 * The partitions' evaluations added up: the summed cost, the correct predictions and the samples.
 * Modified in place as Spark's aggregation allows.
 */
final class EvaluationSum implements Serializable {
  private static final long serialVersionUID = 1L;

  private double lossSum;
  private long correct;
  private long samples;

  /** Returns an empty sum, the aggregation's zero. */
  static EvaluationSum empty() {
    return new EvaluationSum();
  }

  /** Adds one partition's evaluation (modifies this) and returns this. */
  EvaluationSum add(Evaluation e) {
    lossSum += e.loss() * e.samples();
    correct += e.correct();
    samples += e.samples();
    return this;
  }

  /** Adds {@code other} to this (modifies this) and returns this. */
  EvaluationSum merge(EvaluationSum other) {
    lossSum += other.lossSum;
    correct += other.correct;
    samples += other.samples;
    return this;
  }

  /**
   * Returns the evaluation of all partitions together.
   *
   * @throws SparkDataException when there were no rows
   */
  Evaluation toEvaluation() {
    if (samples == 0) {
      throw new SparkDataException("the data to evaluate has no rows");
    }
    return new Evaluation(lossSum / samples, (double) correct / samples, (int) correct,
        (int) samples);
  }
}
