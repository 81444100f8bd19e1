package dev.chainrule.spark;

import dev.chainrule.core.exec.train.OptimizerSnapshot;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.layers.Parameter;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link OptimizerSnapshot} as Spark broadcasts and aggregates it (snapshots hold tensors, which
 * do not travel): the rule, its settings and step count, its scalars, and each per-parameter
 * buffer as {@link ParameterValues}. Sums of the states of several replicas are added up in place
 * and divided once, on the driver, into their mean.
 */
final class StateArrays implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String kind;
  private final LinkedHashMap<String, Double> settings;
  private final long steps;
  private final LinkedHashMap<String, Double> scalars;
  private final LinkedHashMap<String, ParameterValues> slots;

  private StateArrays(String kind, Map<String, Double> settings, long steps,
      Map<String, Double> scalars, Map<String, ParameterValues> slots) {
    this.kind = kind;
    this.settings = new LinkedHashMap<>(settings);
    this.steps = steps;
    this.scalars = new LinkedHashMap<>(scalars);
    this.slots = new LinkedHashMap<>(slots);
  }

  /** Returns a copy of {@code s}'s contents. */
  static StateArrays of(OptimizerSnapshot s) {
    Map<String, ParameterValues> slots = new LinkedHashMap<>();
    s.slots().forEach((name, tensors) -> slots.put(name, ParameterValues.ofTensors(tensors)));
    return new StateArrays(s.kind(), s.settings(), s.steps(), s.scalars(), slots);
  }

  /** Returns the snapshot these arrays hold, its buffers shaped like {@code parameters}. */
  OptimizerSnapshot snapshot(List<Parameter> parameters) {
    Map<String, List<Tensor>> tensors = new LinkedHashMap<>();
    slots.forEach((name, values) -> tensors.put(name, List.of(values.asTensors(parameters))));
    return new OptimizerSnapshot(kind, settings, steps, scalars, tensors);
  }

  /**
   * Adds the scalars and buffers of {@code other} to this (modifies this).
   *
   * @throws IllegalStateException when the two come from other rules or step counts
   */
  void addInPlace(StateArrays other) {
    if (!kind.equals(other.kind) || steps != other.steps) {
      throw new IllegalStateException("cannot average the optimizer state " + kind + " after "
          + steps + " steps with " + other.kind + " after " + other.steps + " steps");
    }
    other.scalars.forEach((name, v) -> scalars.merge(name, v, Double::sum));
    other.slots.forEach((name, v) -> slots.get(name).addInPlace(v));
  }

  /** Returns the size of the buffers' values in bytes. */
  long bytes() {
    long n = 0;
    for (ParameterValues v : slots.values()) {
      n += v.bytes();
    }
    return n;
  }

  /** Divides the scalars and buffers by {@code count} (modifies this): a sum becomes a mean. */
  void divideInPlace(int count) {
    scalars.replaceAll((name, v) -> v / count);
    for (ParameterValues v : slots.values()) {
      v.scaleInPlace(1.0 / count);
    }
  }
}
