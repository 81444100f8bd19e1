package dev.chainrule.examples.bench;

import dev.chainrule.core.exec.ExecOptions;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.PlanProfile;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.exec.train.Sgd;
import dev.chainrule.core.exec.train.TrainingStep;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.DType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * W2 and W3: the 784-256-10 MLP of {@link MlpNetwork} (ReLU, softmax cross-entropy averaged over
 * the batch) trained by SGD at η = 0.1 through a compiled {@link TrainingStep} on eight fixed
 * random batches taken in turn, in float64 or float32.
 */
public final class MlpWorkload {
  /** The learning rate. */
  public static final double LEARNING_RATE = 0.1;
  private static final int BATCHES = 8;

  private final Node loss;
  private final List<Node> parameters;
  private final TrainingStep step;
  private final Feeds[] batches = new Feeds[BATCHES];
  private final DType dtype;

  private MlpWorkload(int batch, ExecOptions options, DType dtype) {
    this.dtype = dtype;
    Random r = new Random(1);
    MlpNetwork net = MlpNetwork.build(batch, dtype, r);
    loss = net.loss();
    parameters = net.parameters();
    step = TrainingStep.builder(loss).parameters(parameters)
        .optimizer(new Sgd(LEARNING_RATE)).options(options).build();
    for (int k = 0; k < BATCHES; k++) {
      batches[k] = net.randomBatch(r);
    }
  }

  /**
   * Builds the MLP for batches of {@code batch} rows and compiles its step with {@code options}.
   */
  public static MlpWorkload build(int batch, ExecOptions options) {
    return build(batch, options, DType.FLOAT64);
  }

  /**
   * Builds the MLP in {@code dtype} for batches of {@code batch} rows and compiles its step with
   * {@code options}.
   */
  public static MlpWorkload build(int batch, ExecOptions options, DType dtype) {
    return new MlpWorkload(batch, options, dtype);
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
   * Returns W2 or W3 as the bench times it: a run is {@code steps} training steps, and the row
   * gives steps per second; with {@code profile}, also where the time of {@code steps} more
   * steps goes (detail {@code profile}: per step of the plan, microseconds per training step and
   * share).
   */
  Repetition repetition(String name, int threads, int steps, boolean profile) {
    double[] last = new double[1];
    return new Repetition() {
      @Override
      public void run() {
        last[0] = train(steps);
      }

      @Override
      public int steps() {
        return steps;
      }

      @Override
      public BenchRow row(double seconds) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("dtype", dtype.toString());
        details.put("final_loss", last[0]);
        if (profile) {
          details.put("profile", profile(steps));
        }
        return new BenchRow(name, threads, steps() / seconds, "steps/s", details);
      }
    };
  }

  private List<Object> profile(int steps) {
    List<Object> entries = new ArrayList<>();
    for (PlanProfile.Entry e : step.profile(batch(0), LEARNING_RATE, steps).entries()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("step", e.step());
      m.put("us", e.micros());
      m.put("share", e.share());
      entries.add(m);
    }
    return entries;
  }
}
