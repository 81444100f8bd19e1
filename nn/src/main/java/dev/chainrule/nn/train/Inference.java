package dev.chainrule.nn.train;

import dev.chainrule.core.exec.Results;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Batch;
import dev.chainrule.nn.data.Batches;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.Elements;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Model;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs a model forward over many samples in chunks: predictions for new features and evaluation
 * (cost and accuracy) on a dataset. The graph of each chunk size is built and compiled once and
 * cached; the model's live parameters are read at every run, so results follow training.
 */
public final class Inference {
  /** The chunk size used when none is given. */
  public static final int DEFAULT_BATCH_SIZE = 1000;

  private final Model model;
  private final Loss loss;
  private final int batchSize;
  private final Map<Integer, CompiledGraph> withLoss = new HashMap<>();
  private final Map<Integer, CompiledGraph> forwardOnly = new HashMap<>();

  /**
   * Creates inference for {@code model}; {@code loss} (may be null) is what {@link #evaluate}
   * reports; chunks hold at most {@code batchSize} samples.
   */
  public Inference(Model model, Loss loss, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("evaluation batch size must be at least 1, got "
          + batchSize);
    }
    this.model = model;
    this.loss = loss;
    this.batchSize = batchSize;
  }

  /** Creates inference with chunks of {@value #DEFAULT_BATCH_SIZE} samples. */
  public Inference(Model model, Loss loss) {
    this(model, loss, DEFAULT_BATCH_SIZE);
  }

  /**
   * Returns the model's outputs (probabilities for a sigmoid or softmax output) for {@code
   * features} of shape (n, features), one sample per row (of either dtype, converted chunk by
   * chunk), as a new (n, outputs) tensor of the model's dtype.
   */
  public Tensor predict(Tensor features) {
    int n = checkFeatures(features);
    Tensor out = Tensor.zeros(Shape.of(n, model.outputSize()), model.dtype());
    forEachChunk(features, (from, count, r, g) -> copyRows(g.output(r), from, count, out));
    return out;
  }

  /** Returns the predicted class of every row of {@code features} (n, features). */
  public int[] predictClasses(Tensor features) {
    int n = checkFeatures(features);
    int[] classes = new int[n];
    forEachChunk(features, (from, count, r, g) -> {
      int[] c = Predictions.classes(g.logits(r), model.layout());
      System.arraycopy(c, 0, classes, from, count);
    });
    return classes;
  }

  /**
   * Returns the cost (when a loss was given) and the accuracy (when the dataset has labels) of
   * the model over all of {@code data}.
   */
  public Evaluation evaluate(Dataset data) {
    TrainerChecks.datasetFits(model, loss, data);
    TrainerChecks.hasSamples(data, "evaluate on");
    double lossSum = 0;
    int correct = 0;
    for (Batch b : Batches.of(data, batchSize).epoch(0)) {
      CompiledGraph g = compiled(b.size(), loss != null);
      Results r = g.runFilled(b);
      if (loss != null) {
        lossSum += g.loss(r) * b.size();
      }
      if (data.hasLabels()) {
        correct += Predictions.countCorrect(g.logits(r), model.layout(), b.labels());
      }
    }
    int n = data.size();
    return new Evaluation(loss != null ? lossSum / n : Double.NaN,
        data.hasLabels() ? (double) correct / n : Double.NaN, correct, n);
  }

  private CompiledGraph compiled(int m, boolean evaluateLoss) {
    Map<Integer, CompiledGraph> cache = evaluateLoss ? withLoss : forwardOnly;
    return cache.computeIfAbsent(m, size -> CompiledGraph.of(model, evaluateLoss ? loss : null,
        size));
  }

  private int checkFeatures(Tensor features) {
    if (features.rank() != 2 || features.shape().dim(1) != model.inputSize()) {
      throw new IllegalArgumentException("features must have shape (n, " + model.inputSize()
          + "), one sample per row, for this model, got " + features.shape());
    }
    return features.shape().dim(0);
  }

  private void forEachChunk(Tensor rows, ChunkConsumer consumer) {
    int n = rows.shape().dim(0);
    int f = model.inputSize();
    Layout layout = model.layout();
    for (int from = 0; from < n; from += batchSize) {
      int count = Math.min(batchSize, n - from);
      Tensor chunk = Tensor.zeros(Shape.of(count, f), model.dtype());
      Elements.copy(rows, from * f, chunk, 0, count * f);
      if (layout == Layout.COLUMN) {
        chunk = chunk.transpose();
      }
      CompiledGraph g = compiled(count, false);
      consumer.accept(from, count, g.runFeatures(chunk), g);
    }
  }

  private void copyRows(Tensor output, int from, int count, Tensor out) {
    int c = model.outputSize();
    Tensor rows = model.layout() == Layout.ROW ? output : output.transpose();
    Elements.copy(rows, 0, out, from * c, count * c);
  }

  @FunctionalInterface
  private interface ChunkConsumer {
    void accept(int from, int count, Results results, CompiledGraph graph);
  }
}
