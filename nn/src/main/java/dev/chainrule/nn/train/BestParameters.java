package dev.chainrule.nn.train;

import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.layers.Parameter;
import java.util.List;

/**
 * Early-stopping bookkeeping: the best monitored loss, its epoch and a copy of the model's state
 * then — its parameters and its buffers (batch norm's running statistics), so that restoring the
 * best epoch restores a model that evaluates as it did.
 */
final class BestParameters {
  private final List<Parameter> parameters;
  private final EarlyStopping rule;
  private Tensor[] snapshot;
  private double best = Double.POSITIVE_INFINITY;
  private int bestEpoch = -1;
  private int waited;

  BestParameters(List<Parameter> parameters, EarlyStopping rule) {
    this.parameters = parameters;
    this.rule = rule;
  }

  /** Records an epoch; returns true when training should stop. */
  boolean observe(EpochStats stats) {
    double loss = stats.monitoredLoss();
    double margin = rule == null ? 0 : rule.minDelta();
    if (loss < best - margin || bestEpoch < 0) {
      best = Math.min(best, loss);
      bestEpoch = stats.epoch();
      waited = 0;
      if (rule != null && rule.restoreBest()) {
        copyParameters();
      }
      return false;
    }
    waited++;
    return rule != null && waited >= rule.patience();
  }

  private void copyParameters() {
    if (snapshot == null) {
      snapshot = new Tensor[parameters.size()];
      for (int i = 0; i < snapshot.length; i++) {
        snapshot[i] = parameters.get(i).value().copy();
      }
      return;
    }
    for (int i = 0; i < snapshot.length; i++) {
      snapshot[i].copyFromInPlace(parameters.get(i).value());
    }
  }

  /** Restores the best epoch's parameters when the rule asks to; returns whether it did. */
  boolean restoreIfWanted(boolean ran) {
    if (!ran || rule == null || !rule.restoreBest() || snapshot == null) {
      return false;
    }
    for (int i = 0; i < snapshot.length; i++) {
      parameters.get(i).value().copyFromInPlace(snapshot[i]);
    }
    return true;
  }

  int bestEpoch() {
    return bestEpoch;
  }
}
