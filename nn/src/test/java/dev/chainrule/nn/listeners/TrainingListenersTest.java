package dev.chainrule.nn.listeners;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.nn.train.EpochStats;
import dev.chainrule.nn.train.History;
import dev.chainrule.nn.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingListenersTest {
  /** Records every call it gets as "name:event". */
  private record Recorder(String name, List<String> calls) implements TrainingListener {
    @Override
    public void onStart(int epochs, int batchesPerEpoch) {
      calls.add(name + ":start " + epochs + " " + batchesPerEpoch);
    }

    @Override
    public void onEpochStart(int epoch, double learningRate) {
      calls.add(name + ":epoch " + epoch + " " + learningRate);
    }

    @Override
    public void onBatchEnd(int epoch, int batch, double loss) {
      calls.add(name + ":batch " + batch + " " + loss);
    }

    @Override
    public void onEpochEnd(EpochStats stats) {
      calls.add(name + ":epoch end " + stats.epoch());
    }

    @Override
    public void onEnd(History history) {
      calls.add(name + ":end");
    }
  }

  @Test
  void everyEventReachesEachListenerInOrder() {
    List<String> calls = new ArrayList<>();
    TrainingListener both = TrainingListeners.all(new Recorder("a", calls),
        new Recorder("b", calls));
    both.onStart(1, 2);
    both.onEpochStart(0, 0.5);
    both.onBatchEnd(0, 1, 0.25);
    both.onEpochEnd(new EpochStats(0, 0.5, 0.25, 1, Double.NaN, Double.NaN, 1, 1));
    both.onEnd(new History(List.of(), false, -1, false));
    assertEquals(List.of("a:start 1 2", "b:start 1 2", "a:epoch 0 0.5", "b:epoch 0 0.5",
        "a:batch 1 0.25", "b:batch 1 0.25", "a:epoch end 0", "b:epoch end 0", "a:end", "b:end"),
        calls);
  }
}
