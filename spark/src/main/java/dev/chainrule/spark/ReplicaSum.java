package dev.chainrule.spark;

import java.io.Serializable;

/**
 * What the tasks of one averaging round add up, by {@code treeAggregate}: the parameters and
 * optimizer states the replicas reached after their local steps (summed, to be divided into their
 * mean on the driver), how many replicas contributed, their summed cost over the samples they
 * trained on, and how long they computed. Empty until a replica contributes; modified in place.
 */
final class ReplicaSum implements Serializable, Timed {
  private static final long serialVersionUID = 1L;

  private ParameterValues parameters;
  private StateArrays state;
  private int replicas;
  private double lossSum;
  private long samples;
  private final TaskTimes times = new TaskTimes();

  /** Returns an empty sum, the aggregation's zero. */
  static ReplicaSum empty() {
    return new ReplicaSum();
  }

  /**
   * Adds one replica's end of round (modifies this): its {@code parameters} and optimizer {@code
   * state} (both taken, not copied), the summed cost {@code loss} of its {@code count} samples,
   * computed in {@code nanos}.
   */
  ReplicaSum add(ParameterValues reached, StateArrays reachedState, double loss, long count,
      long nanos) {
    ReplicaSum one = new ReplicaSum();
    one.parameters = reached;
    one.state = reachedState;
    one.replicas = 1;
    one.lossSum = loss;
    one.samples = count;
    one.times.add(nanos);
    return merge(one);
  }

  /** Adds {@code other} to this (modifies this) and returns this. */
  ReplicaSum merge(ReplicaSum other) {
    if (other.replicas == 0) {
      return this;
    }
    if (replicas == 0) {
      parameters = other.parameters;
      state = other.state;
    } else {
      parameters.addInPlace(other.parameters);
      state.addInPlace(other.state);
    }
    replicas += other.replicas;
    lossSum += other.lossSum;
    samples += other.samples;
    times.merge(other.times);
    return this;
  }

  /**
   * Returns the mean parameters and optimizer state of the replicas (divides this sum in place),
   * or null when no replica contributed.
   */
  RoundStart meanInPlace() {
    if (replicas == 0) {
      return null;
    }
    parameters.scaleInPlace(1.0 / replicas);
    state.divideInPlace(replicas);
    return new RoundStart(parameters, state);
  }

  /** Returns the number of replicas that contributed. */
  int replicas() {
    return replicas;
  }

  /** Returns the summed cost over the samples trained on. */
  double lossSum() {
    return lossSum;
  }

  /** Returns the number of samples trained on, over all replicas. */
  long samples() {
    return samples;
  }

  @Override
  public TaskTimes times() {
    return times;
  }
}
