package dev.chainrule.examples.bench;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.PlanProfile;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.exec.train.TrainingStep;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.examples.cnn.CnnRun;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.optim.Adam;
import dev.chainrule.nn.train.Trainer;
import dev.chainrule.nn.train.TrainingGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * W6: the {@code cnn} example's training step, batch 64, float64 ({@link CnnRun#network}: conv
 * 5×5×16 → ReLU → batch norm → max pool → conv 5×5×32 → ReLU → batch norm → max pool → dense 128
 * → ReLU → dense 10), softmax cross-entropy from the logits, Adam at 10⁻³, built by nn's {@code
 * Network} and compiled by its {@link Trainer} into one training step (training mode), run on
 * eight fixed random batches in turn. The step's state updates (batch norm's running statistics)
 * are left out: they are a few hundred additions after the plan.
 */
final class CnnWorkload {
  private static final int BATCH = 64;
  private static final int BATCHES = 8;
  private static final double LEARNING_RATE = 1e-3;

  private final TrainingStep step;
  private final TrainingGraph graph;
  private final Feeds[] batches = new Feeds[BATCHES];

  private CnnWorkload() {
    Trainer trainer = new Trainer(CnnRun.network(1), Loss.softmaxCrossEntropy(),
        Adam.of(LEARNING_RATE));
    step = trainer.trainingStep(BATCH);
    graph = trainer.trainingGraph(BATCH);
    Random r = new Random(1);
    for (int k = 0; k < BATCHES; k++) {
      batches[k] = randomBatch(graph, r);
    }
  }

  /**
   * Returns the feeds of one batch of {@code graph}'s size: images uniform in [0, 1) and a random
   * class per image (an index or a one-hot row, as the graph's targets take them).
   */
  static Feeds randomBatch(TrainingGraph graph, Random r) {
    int batch = graph.batchSize();
    Tensor x = Tensor.zeros(batch, 784);
    double[] d = x.buffer();
    for (int i = 0; i < d.length; i++) {
      d[i] = r.nextDouble();
    }
    Shape targets = graph.targets().shape();
    Tensor y = Tensor.zeros(targets);
    for (int i = 0; i < batch; i++) {
      int label = r.nextInt(10);
      if (targets.dim(1) == 1) {
        y.buffer()[i] = label;
      } else {
        y.buffer()[i * 10 + label] = 1;
      }
    }
    return Feeds.of(graph.input(), x, graph.targets(), y);
  }

  private double train(int steps) {
    Results r = null;
    for (int s = 0; s < steps; s++) {
      r = step.run(batches[s % BATCHES], LEARNING_RATE);
    }
    return r == null ? Double.NaN : r.scalar(graph.loss());
  }

  /**
   * Returns the row {@code w6}: the median steps per second of {@code steps} steps over {@code
   * reps} runs; with {@code profile}, also where the time goes per step of the plan.
   */
  static BenchRow measure(int threads, int steps, int reps, boolean profile) {
    CnnWorkload w = new CnnWorkload();
    double[] last = new double[1];
    double seconds = Timing.medianSeconds(1, reps, () -> last[0] = w.train(steps));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("final_loss", last[0]);
    details.put("batch", BATCH);
    if (profile) {
      List<Object> entries = new ArrayList<>();
      for (PlanProfile.Entry e : w.step.profile(w.batches[0], LEARNING_RATE, steps).entries()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", e.step());
        m.put("us", e.micros());
        m.put("share", e.share());
        entries.add(m);
      }
      details.put("profile", entries);
    }
    return new BenchRow("w6", threads, steps / seconds, "steps/s", details);
  }
}
