package dev.chainrule.core.exec.train;

import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A copy of an {@link OptimizerState}'s contents, detached from the live buffers: which rule with
 * which settings, the step count, scalar state (Adam's β₁ᵗ and β₂ᵗ) and the per-parameter buffers
 * (momentum's velocity, Adam's moments). {@link OptimizerState#snapshot} takes one and {@link
 * OptimizerState#restoreInPlace} puts one back, so that training can stop and resume exactly;
 * checkpoint files (dev.chainrule.nn.io.Checkpoint) store one.
 *
 * @param kind the rule: {@code sgd}, {@code momentum} or {@code adam}
 * @param settings the hyper-parameters by the names {@link Optimizer#name} uses ({@code lr},
 *     {@code mu}, {@code beta1}, {@code beta2}, {@code eps}), in that order
 * @param steps the number of steps applied
 * @param scalars scalar state by name, e.g. {@code beta1^t}; empty when the rule has none
 * @param slots per-parameter buffers by name ({@code velocity}, or {@code m} and {@code v}), each
 *     a list of one tensor per parameter in parameter order; empty for plain SGD
 */
public record OptimizerSnapshot(String kind, Map<String, Double> settings, long steps,
    Map<String, Double> scalars, Map<String, List<Tensor>> slots) {
  /** Copies the maps (keeping their order) and the lists; the tensors are taken as they are. */
  public OptimizerSnapshot {
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    scalars = Collections.unmodifiableMap(new LinkedHashMap<>(scalars));
    Map<String, List<Tensor>> s = new LinkedHashMap<>();
    slots.forEach((name, tensors) -> s.put(name, List.copyOf(tensors)));
    slots = Collections.unmodifiableMap(s);
    if (steps < 0) {
      throw new IllegalArgumentException("an optimizer's step count cannot be negative, got "
          + steps);
    }
  }

  /**
   * Returns the rule and its settings as {@link Optimizer#name} writes them, e.g. {@code
   * momentum(lr=0.1, mu=0.9)}.
   */
  public String description() {
    List<String> parts = new ArrayList<>();
    settings.forEach((k, v) -> parts.add(k + "=" + v));
    return kind + "(" + String.join(", ", parts) + ")";
  }
}
