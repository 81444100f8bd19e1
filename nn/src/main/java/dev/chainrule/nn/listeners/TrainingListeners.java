package dev.chainrule.nn.listeners;

import dev.chainrule.nn.train.EpochStats;
import dev.chainrule.nn.train.History;
import dev.chainrule.nn.train.TrainingListener;
import java.util.List;

/**
 * Combines listeners, since a trainer takes one: {@code TrainingListeners.all(bar, curve)} calls
 * each, in the order given, for every event.
 */
public final class TrainingListeners {
  private TrainingListeners() {}

  /** Returns a listener that forwards every event to each of {@code listeners}, in order. */
  public static TrainingListener all(TrainingListener... listeners) {
    List<TrainingListener> each = List.of(listeners);
    return new TrainingListener() {
      @Override
      public void onStart(int epochs, int batchesPerEpoch) {
        each.forEach(l -> l.onStart(epochs, batchesPerEpoch));
      }

      @Override
      public void onEpochStart(int epoch, double learningRate) {
        each.forEach(l -> l.onEpochStart(epoch, learningRate));
      }

      @Override
      public void onBatchEnd(int epoch, int batch, double loss) {
        each.forEach(l -> l.onBatchEnd(epoch, batch, loss));
      }

      @Override
      public void onEpochEnd(EpochStats stats) {
        each.forEach(l -> l.onEpochEnd(stats));
      }

      @Override
      public void onEnd(History history) {
        each.forEach(l -> l.onEnd(history));
      }
    };
  }
}
