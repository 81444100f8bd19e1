package dev.chainrule.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.Generators;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Sequential;
import dev.chainrule.core.exec.train.Sgd;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The training graph of a real model (a 2-32-3 ReLU/softmax MLP with softmax cross-entropy, its
 * loss, output and every gradient) compiled once and run from 8 threads at once, each with its
 * own batches: every result must equal, bit for bit, the sequential run of the same batch (see
 * docs/threads.md for what a plan shares between threads).
 */
class ConcurrentRunsTest {
  private static final int THREADS = 8;
  private static final int BATCH = 16;

  @Test
  void eightThreadsRunningOneTrainingPlanGetTheSequentialResults() throws Exception {
    Sequential net = Sequential.builder(Layout.ROW, 2).dense(32, Activation.relu())
        .dense(3, Activation.softmax()).weights(Initializers.heNormal()).seed(4).build();
    Trainer trainer = new Trainer(net, Loss.softmaxCrossEntropy(), new Sgd(0.1));
    TrainingGraph tg = trainer.trainingGraph(BATCH);
    List<Node> targets = new ArrayList<>(List.of(tg.loss(), tg.forward().output()));
    targets.addAll(tg.gradients());
    Plan plan = Plan.compile(targets);
    Dataset data = Generators.spirals(BATCH * THREADS, 3, 0.1, 9).withOneHotTargets();
    List<Feeds> feeds = new ArrayList<>();
    List<List<Tensor>> sequential = new ArrayList<>();
    for (int k = 0; k < THREADS; k++) {
      Feeds f = Feeds.of(tg.input(), rows(data.features(), k), tg.targets(),
          rows(data.targets(), k));
      feeds.add(f);
      Results r = plan.run(f);
      sequential.add(targets.stream().map(t -> r.get(t).copy()).toList());
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<String>> outcomes = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int id = t;
        outcomes.add(pool.submit(() -> {
          start.await();
          for (int rep = 0; rep < 300; rep++) {
            int k = (id * 3 + rep) % THREADS;
            Results r = plan.run(feeds.get(k));
            for (int i = 0; i < targets.size(); i++) {
              if (!r.get(targets.get(i)).equals(sequential.get(k).get(i))) {
                return "thread " + id + ", run " + rep + ": " + targets.get(i).name()
                    + " differs for batch " + k;
              }
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<String> f : outcomes) {
        assertEquals(null, f.get(120, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Returns rows k·BATCH … (k + 1)·BATCH − 1 of {@code all} as a new matrix. */
  private static Tensor rows(Tensor all, int k) {
    int cols = all.shape().dim(1);
    double[] out = new double[BATCH * cols];
    System.arraycopy(all.buffer(), k * BATCH * cols, out, 0, out.length);
    return Tensor.of(out, BATCH, cols);
  }
}
