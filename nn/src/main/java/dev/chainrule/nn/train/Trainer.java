package dev.chainrule.nn.train;

import dev.chainrule.core.exec.Results;
import dev.chainrule.core.exec.train.Optimizer;
import dev.chainrule.core.exec.train.OptimizerState;
import dev.chainrule.core.exec.train.TrainingStep;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Batch;
import dev.chainrule.nn.data.Batches;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Model;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains a model by mini-batch gradient descent. For each batch size it meets (the full batches,
 * and a smaller last one when the training set does not divide evenly) it builds the training
 * graph once: X → model → loss J → dJ/dW for every parameter by reverse mode, and compiles it into
 * core's {@link TrainingStep}: forward pass, backward pass and the optimizer's update of the live
 * parameter tensors as ONE plan (with {@code Sgd}, each weight's update runs inside its gradient's
 * matrix product). The steps of all batch sizes share one optimizer state; no graph is built and
 * nothing is allocated per step beyond a few small wrappers.
 *
 * <pre>{@code
 * Trainer t = new Trainer(model, Loss.softmaxCrossEntropy(), Adam.of(1e-3));
 * History h = t.fit(train, validation, FitOptions.defaults().epochs(10).batchSize(128));
 * Evaluation e = t.evaluate(test);
 * }</pre>
 *
 * <p>The optimizer state lives as long as the trainer, and the trainer counts the epochs it has
 * completed, so a second {@code fit} continues where the first stopped: with the same velocities
 * or moments, and with epoch numbers (which pick the shuffling order and the scheduled learning
 * rate) following on from the first's. A checkpoint (dev.chainrule.nn.io.Checkpoint) saves the
 * parameters, the optimizer state and the epoch count, so that a fresh trainer resumes exactly.
 */
public final class Trainer {
  private final Model model;
  private final Loss loss;
  private final Optimizer optimizer;
  private final OptimizerState state;
  private final List<Parameter> parameters;
  private final Map<Integer, CompiledStep> steps = new HashMap<>();
  private final Map<Integer, Inference> inference = new HashMap<>();
  private Batch fullBatch;
  private int epochsCompleted;

  /** Creates a trainer minimising {@code loss} of {@code model} with {@code optimizer}. */
  public Trainer(Model model, Loss loss, Optimizer optimizer) {
    this.model = model;
    this.loss = loss;
    this.optimizer = optimizer;
    TrainerChecks.lossFitsOutput(model, loss);
    this.parameters = List.copyOf(model.parameters());
    List<Tensor> tensors = new ArrayList<>();
    for (Parameter p : parameters) {
      tensors.add(p.value());
    }
    this.state = optimizer.start(tensors);
  }

  /** Returns the model being trained. */
  public Model model() {
    return model;
  }

  /** Returns the loss being minimised. */
  public Loss loss() {
    return loss;
  }

  /** Returns the optimizer's hyper-parameters. */
  public Optimizer optimizer() {
    return optimizer;
  }

  /** Returns the optimizer's state (its step count among others). */
  public OptimizerState optimizerState() {
    return state;
  }

  /** Returns how many epochs the {@code fit} calls of this trainer have completed in all. */
  public int epochsCompleted() {
    return epochsCompleted;
  }

  /**
   * Sets the number of epochs completed (modifies this trainer), from which the next {@code fit}
   * numbers its epochs; restoring a checkpoint sets it to the saved count.
   */
  public void setEpochsCompleted(int epochs) {
    if (epochs < 0) {
      throw new IllegalArgumentException("epochs completed must be at least 0, got " + epochs);
    }
    this.epochsCompleted = epochs;
  }

  /** Returns the training graph for batches of {@code batchSize}, building it if needed. */
  public TrainingGraph trainingGraph(int batchSize) {
    return step(batchSize).graph();
  }

  /**
   * Returns the compiled training step for batches of {@code batchSize}, building it if needed:
   * core's step, sharing this trainer's optimizer state, for running, profiling or computing
   * gradients only (as a data-parallel worker does).
   */
  public TrainingStep trainingStep(int batchSize) {
    return step(batchSize).step();
  }

  /** Trains on {@code train} without a validation set. */
  public History fit(Dataset train, FitOptions options) {
    return fit(train, null, options);
  }

  /**
   * Trains on {@code train} for the configured number of further epochs, evaluating {@code
   * validation} (may be null) after each; modifies the model's parameters in place and returns
   * the history. Epochs are numbered on from {@link #epochsCompleted()}.
   *
   * @throws IllegalStateException when the cost becomes NaN or infinite (the run diverged)
   */
  public History fit(Dataset train, Dataset validation, FitOptions options) {
    TrainerChecks.datasetFits(model, loss, train);
    TrainerChecks.hasSamples(train, "train on");
    if (validation != null) {
      TrainerChecks.datasetFits(model, loss, validation);
      TrainerChecks.hasSamples(validation, "evaluate on");
    }
    Batches batches = Batches.of(train, options.batchSize());
    if (options.shuffle()) {
      batches = batches.shuffled(options.seed());
    }
    TrainingListener listener = options.listener();
    listener.onStart(options.epochs(), batches.batchCount());
    List<Parameter> kept = new ArrayList<>(parameters);
    kept.addAll(model.buffers());
    BestParameters best = new BestParameters(kept, options.earlyStopping());
    List<EpochStats> epochs = new ArrayList<>();
    boolean stopped = false;
    int first = epochsCompleted;
    Batch full = fullBatchFor(batches, train, options.batchSize());
    for (int e = first; e < first + options.epochs() && !stopped; e++) {
      EpochStats stats = epoch(e, batches.epoch(e, full), train, validation, options);
      epochsCompleted = e + 1;
      epochs.add(stats);
      listener.onEpochEnd(stats);
      stopped = best.observe(stats);
    }
    boolean restored = best.restoreIfWanted(!epochs.isEmpty());
    History h = new History(epochs, stopped, best.bestEpoch(), restored);
    listener.onEnd(h);
    return h;
  }

  /**
   * Returns the buffer for the full batches of {@code batches} of {@code train} (null when the set
   * is smaller than one batch): kept from the previous fit when it fits, so that fitting again
   * allocates nothing (6.4 MB at W3's batches of 1024 images).
   */
  private Batch fullBatchFor(Batches batches, Dataset train, int batchSize) {
    if (train.size() < batchSize) {
      return null;
    }
    if (fullBatch == null || !fullBatch.fits(train, batchSize)) {
      fullBatch = batches.newFullBatch();
    }
    return fullBatch;
  }

  private EpochStats epoch(int e, Iterable<Batch> batches, Dataset train, Dataset validation,
      FitOptions options) {
    double lr = TrainerChecks.scheduledRate(options.schedule().rate(e,
        optimizer.learningRate()), e, optimizer.learningRate());
    options.listener().onEpochStart(e, lr);
    long start = System.nanoTime();
    double lossSum = 0;
    int correct = 0;
    int n = 0;
    int b = 0;
    for (Batch batch : batches) {
      CompiledStep g = step(batch.size());
      Results r = g.run(batch, lr, true);
      double cost = g.loss(r);
      if (!Double.isFinite(cost)) {
        throw new IllegalStateException("training diverged: the " + loss.name() + " cost of "
            + "batch " + b + " in epoch " + e + " is " + cost + " (learning rate " + lr + "); "
            + "lower the learning rate or use a stable loss from logits; anomaly mode "
            + "(Anomaly.detect(), --detect-anomaly) names the first operation that gave NaN or "
            + "infinity; the parameters keep the values they had before this batch");
      }
      if (train.hasLabels()) {
        correct += Predictions.countCorrect(g.logits(r), model.layout(), batch.labels());
      }
      lossSum += cost * batch.size();
      n += batch.size();
      options.listener().onBatchEnd(e, b++, cost);
    }
    double trainSeconds = (System.nanoTime() - start) / 1e9;
    double valLoss = Double.NaN;
    double valAccuracy = Double.NaN;
    if (validation != null) {
      Evaluation v = inference(options.evaluationBatchSize()).evaluate(validation);
      valLoss = v.loss();
      valAccuracy = v.accuracy();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new EpochStats(e, lr, n == 0 ? Double.NaN : lossSum / n,
        train.hasLabels() && n > 0 ? (double) correct / n : Double.NaN, valLoss, valAccuracy,
        trainSeconds, seconds);
  }

  /**
   * Runs one training step on {@code batch} with learning rate {@code learningRate}: modifies the
   * parameters in place and returns the batch's cost before the update. When the cost is NaN or
   * infinite the update is skipped and the parameters keep their values.
   */
  public double step(Batch batch, double learningRate) {
    CompiledStep g = step(batch.size());
    return g.loss(g.run(batch, learningRate, false));
  }

  /**
   * Runs forward and backward on {@code batch} with the compiled step of its size, without
   * updating anything: what a data-parallel worker computes on its share of a batch. The results
   * hold the cost, the logits ({@code trainingGraph(batch.size()).forward().logits()}) and the
   * gradient of every parameter ({@code trainingStep(batch.size()).gradients()}, in the model's
   * parameter order), valid until this thread runs that step again.
   */
  public Results computeGradients(Batch batch) {
    return step(batch.size()).gradients(batch);
  }

  /** Returns the cost and accuracy of the model on {@code data}. */
  public Evaluation evaluate(Dataset data) {
    return inference(Inference.DEFAULT_BATCH_SIZE).evaluate(data);
  }

  /** Returns the model's outputs for {@code features} (n, features), as (n, outputs) rows. */
  public Tensor predict(Tensor features) {
    return inference(Inference.DEFAULT_BATCH_SIZE).predict(features);
  }

  private CompiledStep step(int batchSize) {
    TrainerChecks.batchSize(batchSize);
    return steps.computeIfAbsent(batchSize, m -> CompiledStep.of(model, loss, m, state));
  }

  private Inference inference(int batchSize) {
    return inference.computeIfAbsent(batchSize, m -> new Inference(model, loss, m));
  }
}
