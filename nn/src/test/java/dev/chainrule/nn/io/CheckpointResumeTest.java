package dev.chainrule.nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.chainrule.nn.data.Batch;
import dev.chainrule.nn.data.Batches;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.Generators;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Sequential;
import dev.chainrule.nn.optim.Adam;
import dev.chainrule.nn.optim.LearningRateSchedule;
import dev.chainrule.nn.optim.Momentum;
import dev.chainrule.core.exec.train.Optimizer;
import dev.chainrule.nn.train.FitOptions;
import dev.chainrule.nn.train.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Resuming from a checkpoint is exact: N + M steps straight and N steps, save, load into a fresh
 * model and optimizer, M more steps end with the same bits. The reference is the uninterrupted
 * run, which never touches a file; the controls show that the comparison can fail: resuming from
 * the parameters alone, or without the epoch count, ends elsewhere.
 */
class CheckpointResumeTest {
  private static final Dataset DATA = Generators.moons(60, 0.15, 4);
  private static final FitOptions OPTIONS = FitOptions.defaults().batchSize(16).shuffled(9)
      .schedule(LearningRateSchedule.stepDecay(2, 0.5));
  private static final Loss LOSS = Loss.binaryCrossEntropyWithLogits();

  @TempDir
  Path dir;

  private static Sequential net(long seed) {
    return Sequential.builder(Layout.COLUMN, 2).dense(8, Activation.tanh())
        .dense(1, Activation.sigmoid()).weights(Initializers.xavierNormal()).seed(seed).build();
  }

  private static Supplier<Optimizer> optimizer(String name) {
    return name.equals("momentum") ? () -> new Momentum(0.1, 0.9) : () -> Adam.of(0.02);
  }

  private static long[] bits(Trainer t) {
    return t.model().parameters().stream().map(Parameter::value)
        .flatMapToDouble(v -> Arrays.stream(v.buffer()))
        .mapToLong(Double::doubleToRawLongBits).toArray();
  }

  /** Epochs 0..n-1 of {@link #DATA}, each batch one {@link Trainer#step} at learning rate lr. */
  private static void steps(Trainer t, int fromEpoch, int epochs, double lr) {
    Batches batches = Batches.of(DATA, 16).shuffled(9);
    for (int e = fromEpoch; e < fromEpoch + epochs; e++) {
      for (Batch b : batches.epoch(e)) {
        t.step(b, lr);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"momentum", "adam"})
  void stepsResumedFromACheckpointEqualStepsStraight(String rule) throws IOException {
    Supplier<Optimizer> opt = optimizer(rule);
    Trainer straight = new Trainer(net(1), LOSS, opt.get());
    steps(straight, 0, 5, 0.05);

    Trainer first = new Trainer(net(1), LOSS, opt.get());
    steps(first, 0, 2, 0.05);
    Path file = dir.resolve(rule + ".crm");
    Checkpoint.save(first, file);
    Trainer resumed = new Trainer(net(2), LOSS, opt.get());
    Checkpoint.loadInto(resumed, file);
    assertEquals(first.optimizerState().steps(), resumed.optimizerState().steps());
    steps(resumed, 2, 3, 0.05);

    assertArrayEquals(bits(straight), bits(resumed));
    assertEquals(straight.optimizerState().steps(), resumed.optimizerState().steps());
    assertEquals(straight.optimizerState().snapshot().scalars(),
        resumed.optimizerState().snapshot().scalars());

    Trainer fromParametersOnly = new Trainer(net(2), LOSS, opt.get());
    ModelFile.loadInto(fromParametersOnly.model(), file);
    steps(fromParametersOnly, 2, 3, 0.05);
    assertFalse(Arrays.equals(bits(straight), bits(fromParametersOnly)),
        "a fresh optimizer state must end elsewhere, or this test could not fail");
  }

  @ParameterizedTest
  @ValueSource(strings = {"momentum", "adam"})
  void fitResumedFromACheckpointEqualsFitStraight(String rule) throws IOException {
    Supplier<Optimizer> opt = optimizer(rule);
    Trainer straight = new Trainer(net(1), LOSS, opt.get());
    straight.fit(DATA, OPTIONS.epochs(5));

    Trainer first = new Trainer(net(1), LOSS, opt.get());
    first.fit(DATA, OPTIONS.epochs(3));
    Path file = dir.resolve(rule + "-fit.crm");
    Checkpoint.save(first, file);
    Trainer resumed = new Trainer(net(3), LOSS, opt.get());
    Checkpoint.loadInto(resumed, file);
    assertEquals(3, resumed.epochsCompleted());
    List<Integer> epochNumbers = resumed.fit(DATA, OPTIONS.epochs(2)).epochs().stream()
        .map(s -> s.epoch()).toList();

    assertEquals(List.of(3, 4), epochNumbers);
    assertArrayEquals(bits(straight), bits(resumed));
    assertEquals(5, resumed.epochsCompleted());

    Trainer epochsNotRestored = new Trainer(net(3), LOSS, opt.get());
    Checkpoint.loadInto(epochsNotRestored, file);
    epochsNotRestored.setEpochsCompleted(0);
    epochsNotRestored.fit(DATA, OPTIONS.epochs(2));
    assertFalse(Arrays.equals(bits(straight), bits(epochsNotRestored)),
        "epochs 0 and 1 again (other shuffles and rates) must end elsewhere");
  }
}
