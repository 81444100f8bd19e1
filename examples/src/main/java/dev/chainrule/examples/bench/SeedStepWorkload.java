package dev.chainrule.examples.bench;

import dev.chainrule.core.exec.ExecOptions;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.train.Sgd;
import dev.chainrule.core.exec.train.TrainingStep;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.Map;

/**
 * W1: seed 001's 2-2-2 network (Mazur's worked example) in matrix form, h = σ(W1·i + b1),
 * o = σ(W2·h + b2), E = Σ ½(t − o)², with the seed's fixed biases and data, trained by gradient
 * descent (η = 0.5) through a compiled {@link TrainingStep}.
 */
public final class SeedStepWorkload {
  /** Steps per measurement, as the seed trains. */
  public static final int STEPS = 10_000;
  /** The seed's learning rate. */
  public static final double LEARNING_RATE = 0.5;

  private final Node w1;
  private final Node w2;
  private final Node loss;
  private final TrainingStep step;

  private SeedStepWorkload(ExecOptions options) {
    Graph g = new Graph();
    Node i = g.constant("i", Tensor.column(0.05, 0.10));
    Node t = g.constant("t", Tensor.column(0.01, 0.99));
    w1 = g.parameter("W1", Tensor.zeros(2, 2));
    w2 = g.parameter("W2", Tensor.zeros(2, 2));
    Node b1 = g.constant("b1", Tensor.scalar(0.35));
    Node b2 = g.constant("b2", Tensor.scalar(0.60));
    Node h = w1.matmul(i).add(b1).sigmoid().named("h");
    Node o = w2.matmul(h).add(b2).sigmoid().named("o");
    loss = t.sub(o).square().mul(0.5).sum().named("E");
    step = TrainingStep.builder(loss).parameters(w1, w2).optimizer(new Sgd(LEARNING_RATE))
        .options(options).build();
    reset();
  }

  /** Builds the network and compiles its training step with {@code options}. */
  public static SeedStepWorkload build(ExecOptions options) {
    return new SeedStepWorkload(options);
  }

  /** Returns the compiled training step. */
  public TrainingStep step() {
    return step;
  }

  /** Sets the seed's initial weights, in place. */
  public void reset() {
    w1.storedValue().copyFromInPlace(Tensor.matrix(new double[] {0.15, 0.20},
        new double[] {0.25, 0.30}));
    w2.storedValue().copyFromInPlace(Tensor.matrix(new double[] {0.40, 0.45},
        new double[] {0.50, 0.55}));
  }

  /** Runs {@code steps} training steps. */
  public void train(int steps) {
    for (int s = 0; s < steps; s++) {
      step.run(Feeds.none(), LEARNING_RATE);
    }
  }

  /** Returns the loss at the current parameters, computed by a forward plan (no update). */
  public double finalLoss() {
    return Plan.compile(loss).run(Feeds.none()).scalar(loss);
  }

  /** Returns the row of W1: the median µs per step over {@code reps} runs of 10⁴ steps. */
  public BenchRow measure(int threads, int reps) {
    double seconds = Timing.medianSeconds(1, reps, () -> train(STEPS));
    reset();
    train(STEPS);
    double finalLoss = finalLoss();
    return new BenchRow("w1", threads, seconds / STEPS * 1e6, "us/step",
        Map.of("final_loss", finalLoss));
  }
}
