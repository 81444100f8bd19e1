package dev.chainrule.examples.bench;

import dev.chainrule.core.exec.ExecOptions;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.PlanProfile;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.exec.train.Sgd;
import dev.chainrule.core.exec.train.TrainingStep;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * W2 and W3: a 784-256-10 MLP with ReLU, softmax cross-entropy averaged over the batch, and SGD
 * at η = 0.1, written with core operations (Z1 = X·W1 + b1, A1 = relu(Z1), Z2 = A1·W2 + b2,
 * L = −mean(Σ Y ∘ logsoftmax(Z2))) and trained through a compiled {@link TrainingStep} on eight
 * fixed random batches taken in turn. Weights start uniform in ±1/√fan-in, as PyTorch's layers do.
 */
public final class MlpWorkload {
  /** The learning rate. */
  public static final double LEARNING_RATE = 0.1;
  private static final int BATCHES = 8;

  private final Node loss;
  private final List<Node> parameters;
  private final TrainingStep step;
  private final Feeds[] batches = new Feeds[BATCHES];

  private MlpWorkload(int batch, ExecOptions options) {
    Random r = new Random(1);
    Graph g = new Graph();
    Node x = g.input("X", batch, 784);
    Node y = g.input("Y", batch, 10);
    Node w1 = g.parameter("W1", uniform(r, 1 / Math.sqrt(784), 784, 256));
    Node b1 = g.parameter("b1", uniform(r, 1 / Math.sqrt(784), 256));
    Node w2 = g.parameter("W2", uniform(r, 1 / Math.sqrt(256), 256, 10));
    Node b2 = g.parameter("b2", uniform(r, 1 / Math.sqrt(256), 10));
    Node a1 = x.matmul(w1).add(b1).relu().named("A1");
    Node z2 = a1.matmul(w2).add(b2).named("Z2");
    loss = y.mul(z2.logSoftmax(1)).sum(1).mean().neg().named("L");
    parameters = List.of(w1, b1, w2, b2);
    step = TrainingStep.builder(loss).parameters(parameters)
        .optimizer(new Sgd(LEARNING_RATE)).options(options).build();
    for (int k = 0; k < BATCHES; k++) {
      Tensor xs = Tensor.zeros(batch, 784);
      double[] d = xs.buffer();
      for (int i = 0; i < d.length; i++) {
        d[i] = r.nextDouble();
      }
      Tensor ys = Tensor.zeros(batch, 10);
      for (int i = 0; i < batch; i++) {
        ys.buffer()[i * 10 + r.nextInt(10)] = 1;
      }
      batches[k] = Feeds.of(x, xs, y, ys);
    }
  }

  private static Tensor uniform(Random r, double bound, int... dims) {
    Tensor t = Tensor.zeros(dims);
    double[] d = t.buffer();
    for (int i = 0; i < d.length; i++) {
      d[i] = (2 * r.nextDouble() - 1) * bound;
    }
    return t;
  }

  /** Builds the MLP for batches of {@code batch} rows and compiles its step with {@code options}. */
  public static MlpWorkload build(int batch, ExecOptions options) {
    return new MlpWorkload(batch, options);
  }

  /** Returns the loss node L. */
  public Node loss() {
    return loss;
  }

  /** Returns the parameters W1, b1, W2, b2, in that order. */
  public List<Node> parameters() {
    return parameters;
  }

  /** Returns the compiled training step. */
  public TrainingStep step() {
    return step;
  }

  /** Returns the feeds of batch {@code k} (of eight). */
  public Feeds batch(int k) {
    return batches[k % BATCHES];
  }

  /** Runs {@code steps} training steps and returns the loss of the last one. */
  public double train(int steps) {
    Results r = null;
    for (int s = 0; s < steps; s++) {
      r = step.run(batch(s), LEARNING_RATE);
    }
    return r == null ? Double.NaN : r.scalar(loss);
  }

  /**
   * Returns the row of W2 or W3: the median steps per second over {@code reps} runs; with {@code
   * profile}, also where the time of {@code steps} more steps goes (detail {@code profile}: per
   * step of the plan, microseconds per training step and share).
   */
  public BenchRow measure(String name, int threads, int steps, int reps, boolean profile) {
    double[] last = new double[1];
    double seconds = Timing.medianSeconds(1, reps, () -> last[0] = train(steps));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("final_loss", last[0]);
    if (profile) {
      List<Object> entries = new ArrayList<>();
      for (PlanProfile.Entry e : step.profile(batch(0), LEARNING_RATE, steps).entries()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", e.step());
        m.put("us", e.micros());
        m.put("share", e.share());
        entries.add(m);
      }
      details.put("profile", entries);
    }
    return new BenchRow(name, threads, steps / seconds, "steps/s", details);
  }
}
