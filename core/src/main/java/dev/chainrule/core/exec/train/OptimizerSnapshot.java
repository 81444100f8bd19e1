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
 * checkpoint files (dev.chainrule.nn.io.Checkpoint) store one, and {@link #average} combines the
 * states of workers that trained copies of one model on parts of the data.
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

  /**
   * Returns the elementwise mean of {@code snapshots}: their scalars and each buffer averaged, for
   * workers that trained copies of one model in parallel and now share one state. The learning
   * rate and step count are the first snapshot's; each buffer is averaged in its dtype.
   *
   * @throws IllegalArgumentException when there are none, or one differs from the first in rule,
   *     settings (other than the learning rate), step count, scalars or buffer shapes (both named)
   */
  public static OptimizerSnapshot average(List<OptimizerSnapshot> snapshots) {
    if (snapshots.isEmpty()) {
      throw new IllegalArgumentException("averaging optimizer states needs at least one");
    }
    OptimizerSnapshot first = snapshots.get(0);
    for (OptimizerSnapshot s : snapshots) {
      SnapshotRestore.checkFits(first, s);
      if (s.steps() != first.steps()) {
        throw new IllegalArgumentException("cannot average optimizer states after different "
            + "numbers of steps: " + first.steps() + " and " + s.steps());
      }
    }
    double n = snapshots.size();
    Map<String, Double> scalars = new LinkedHashMap<>();
    for (String name : first.scalars().keySet()) {
      double sum = 0;
      for (OptimizerSnapshot s : snapshots) {
        sum += s.scalars().get(name);
      }
      scalars.put(name, sum / n);
    }
    Map<String, List<Tensor>> slots = new LinkedHashMap<>();
    first.slots().forEach((name, tensors) -> {
      List<Tensor> means = new ArrayList<>();
      for (int i = 0; i < tensors.size(); i++) {
        Tensor mean = Tensor.zeros(tensors.get(i).shape(), tensors.get(i).dtype());
        for (OptimizerSnapshot s : snapshots) {
          mean.addScaledInPlace(1 / n, s.slots().get(name).get(i));
        }
        means.add(mean);
      }
      slots.put(name, means);
    });
    return new OptimizerSnapshot(first.kind(), first.settings(), first.steps(), scalars, slots);
  }
}
