package dev.chainrule.core.exec.train;

import dev.chainrule.core.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that a saved {@link OptimizerSnapshot} fits a live state and copies its buffers in: the
 * shared half of every state's {@link OptimizerState#restoreInPlace}.
 */
final class SnapshotRestore {
  private SnapshotRestore() {}

  /**
   * Checks {@code saved} against {@code mine} (a snapshot of the live state, whose slots are the
   * live buffers) and then copies the saved buffers into the live ones. Nothing is modified when a
   * check fails.
   *
   * @throws IllegalArgumentException naming both optimizers when the rule or a setting other than
   *     the learning rate differs, or the buffer, parameter and both shapes (or dtypes) when a
   *     buffer does not fit
   */
  static void copyInPlace(OptimizerSnapshot mine, OptimizerSnapshot saved) {
    checkFits(mine, saved);
    mine.slots().forEach((name, live) -> {
      for (int i = 0; i < live.size(); i++) {
        live.get(i).copyFromInPlace(saved.slots().get(name).get(i));
      }
    });
  }

  /**
   * Checks that {@code saved} holds the state of the same rule as {@code mine}, with the same
   * settings except the learning rate, the same scalars and buffers of the same shapes and
   * dtypes.
   *
   * @throws IllegalArgumentException naming both optimizers, or the buffer and both shapes
   */
  static void checkFits(OptimizerSnapshot mine, OptimizerSnapshot saved) {
    Map<String, Double> mySettings = new LinkedHashMap<>(mine.settings());
    Map<String, Double> savedSettings = new LinkedHashMap<>(saved.settings());
    mySettings.remove("lr");
    savedSettings.remove("lr");
    if (!mine.kind().equals(saved.kind()) || !mySettings.equals(savedSettings)) {
      throw new IllegalArgumentException("the saved state is that of " + saved.description()
          + " but this optimizer is " + mine.description() + "; only the learning rate may "
          + "differ");
    }
    if (!mine.scalars().keySet().equals(saved.scalars().keySet())
        || !mine.slots().keySet().equals(saved.slots().keySet())) {
      throw new IllegalArgumentException("the saved state of " + saved.kind() + " holds scalars "
          + saved.scalars().keySet() + " and buffers " + saved.slots().keySet() + " but "
          + mine.kind() + " keeps scalars " + mine.scalars().keySet() + " and buffers "
          + mine.slots().keySet());
    }
    mine.slots().forEach((name, live) -> {
      List<Tensor> from = saved.slots().get(name);
      if (from.size() != live.size()) {
        throw new IllegalArgumentException("the saved " + name + " holds " + from.size()
            + " tensors but this optimizer updates " + live.size() + " parameters");
      }
      for (int i = 0; i < live.size(); i++) {
        if (!from.get(i).shape().equals(live.get(i).shape())) {
          throw new IllegalArgumentException("the saved " + name + " of parameter " + (i + 1)
              + " has shape " + from.get(i).shape() + " but the parameter has shape "
              + live.get(i).shape());
        }
        if (from.get(i).dtype() != live.get(i).dtype()) {
          throw new IllegalArgumentException("the saved " + name + " of parameter " + (i + 1)
              + " is " + from.get(i).dtype() + " but the parameter is " + live.get(i).dtype());
        }
      }
    });
  }

  /** Returns a copy of {@code live} whose tensors are fresh copies of the live buffers. */
  static OptimizerSnapshot copy(OptimizerSnapshot live) {
    Map<String, List<Tensor>> slots = new LinkedHashMap<>();
    live.slots().forEach((name, tensors) -> slots.put(name,
        tensors.stream().map(Tensor::copy).toList()));
    return new OptimizerSnapshot(live.kind(), live.settings(), live.steps(), live.scalars(),
        slots);
  }
}
