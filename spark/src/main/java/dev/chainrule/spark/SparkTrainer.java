package dev.chainrule.spark;

import dev.chainrule.core.exec.train.Optimizer;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Model;
import dev.chainrule.nn.train.EpochStats;
import dev.chainrule.nn.train.Evaluation;
import dev.chainrule.nn.train.FitOptions;
import dev.chainrule.nn.train.History;
import dev.chainrule.nn.train.Trainer;
import dev.chainrule.nn.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Trains a chainrule model data-parallel on a Spark cluster, from a {@code Dataset<Row>} with a
 * features column (an ML vector or an array of numbers) and a numeric label column. Every
 * partition runs the compiled training step a single-machine {@link Trainer} runs: each executor
 * rebuilds the model from its model file, and nn's trainer compiles the step there once per batch
 * size. The driver holds the master copy, the model given to the builder, which is updated in
 * place, and an nn {@link Trainer} around it whose optimizer state is the master state.
 *
 * <pre>{@code
 * SparkTrainer spark = SparkTrainer.builder(net)
 *     .loss(Loss::softmaxCrossEntropy).optimizer(() -> Adam.of(1e-3))
 *     .mode(TrainingMode.synchronous())
 *     .build();
 * History h = spark.fit(rows, FitOptions.defaults().epochs(10).batchSize(128).shuffled(1));
 * Evaluation test = spark.evaluate(testRows);
 * Dataset<Row> predicted = spark.transformer().transform(newRows);
 * }</pre>
 *
 * <p>The samples are numbered by partition, then by row within it; with that numbering, {@code
 * fit} visits the same batches as {@code Trainer.fit} with the same options, and in synchronous
 * mode ends at the same parameters up to the order of floating-point additions. Like the trainer's
 * evaluation, it takes the loss to be a mean over the batch's samples, as every nn loss but the
 * seed's half sum of squares is.
 */
public final class SparkTrainer {
  private final Model model;
  private final Recipe<? extends Model> modelRecipe;
  private final Recipe<? extends Loss> loss;
  private final Recipe<? extends Optimizer> optimizer;
  private final TrainingMode mode;
  private final String featuresColumn;
  private final String labelColumn;
  private final int treeDepth;
  private final Trainer driver;
  private TaskProbe probe = TaskProbe.NONE;
  private SparkTimings timings = new TimingTotals().toTimings();

  private SparkTrainer(Builder b) {
    this.model = b.model;
    this.modelRecipe = b.modelRecipe;
    this.loss = b.loss;
    this.optimizer = b.optimizer;
    this.mode = b.mode;
    this.featuresColumn = b.featuresColumn;
    this.labelColumn = b.labelColumn;
    this.treeDepth = b.treeDepth;
    this.driver = new Trainer(model, loss.get(), optimizer.get());
  }

  /** Starts describing the training of {@code model}, whose parameters {@code fit} updates. */
  public static Builder builder(Model model) {
    return new Builder(model);
  }

  /**
   * Trains on {@code train} for the configured number of further epochs, as {@code Trainer.fit}
   * does: same batches and learning-rate schedule, epochs numbered on from the epochs completed.
   * Modifies the model's parameters (and the driver's optimizer state) in place and returns the
   * history; its validation columns are NaN (evaluate a held-out set with {@link #evaluate}).
   *
   * @throws SparkDataException when a column is missing or of the wrong type, or a row does not
   *     fit the model (the row is named)
   * @throws IllegalArgumentException when the options ask for early stopping, which needs a
   *     validation set per epoch
   * @throws IllegalStateException when the cost becomes NaN or infinite (the run diverged)
   */
  public History fit(Dataset<Row> train, FitOptions options) {
    if (options.earlyStopping() != null) {
      throw new IllegalArgumentException("SparkTrainer.fit does not stop early: that needs a "
          + "validation cost after every epoch; fit for a fixed number of epochs and call "
          + "evaluate(validationRows) between fits");
    }
    RowReader reader = reader(train, labelColumn);
    JavaSparkContext spark = JavaSparkContext.fromSparkContext(train.sparkSession()
        .sparkContext());
    Broadcast<WorkerSpec> spec = spark.broadcast(spec());
    TrainingData data = TrainingData.read(train, reader);
    try {
      if (data.size() == 0) {
        throw new SparkDataException("the training data has no rows");
      }
      FitContext fit = new FitContext(spark, spec, data, driver, options, treeDepth, probe);
      History h = epochs(fit, mode.runner());
      timings = fit.timings().toTimings();
      return h;
    } finally {
      data.release();
      spec.destroy();
    }
  }

  private History epochs(FitContext fit, EpochRunner runner) {
    FitOptions options = fit.options();
    TrainingListener listener = options.listener();
    listener.onStart(options.epochs(), runner.jobsPerEpoch(fit));
    List<EpochStats> epochs = new ArrayList<>();
    int best = -1;
    int first = driver.epochsCompleted();
    for (int e = first; e < first + options.epochs(); e++) {
      double lr = options.schedule().rate(e, driver.optimizer().learningRate());
      if (!(lr >= 0) || Double.isInfinite(lr)) {
        throw new IllegalStateException("the learning-rate schedule gave " + lr + " for epoch "
            + e + " (base rate " + driver.optimizer().learningRate() + "); a rate must be a "
            + "finite number >= 0");
      }
      listener.onEpochStart(e, lr);
      long start = System.nanoTime();
      EpochTotals totals = runner.run(fit, e, lr);
      double seconds = (System.nanoTime() - start) / 1e9;
      EpochStats stats = new EpochStats(e, lr, totals.meanLoss(), totals.accuracy(), Double.NaN,
          Double.NaN, seconds, seconds);
      driver.setEpochsCompleted(e + 1);
      if (best < 0 || stats.trainLoss() < epochs.get(best - first).trainLoss()) {
        best = e;
      }
      epochs.add(stats);
      listener.onEpochEnd(stats);
    }
    History h = new History(epochs, false, best, false);
    listener.onEnd(h);
    return h;
  }

  /**
   * Returns the cost and accuracy of the model on {@code data}, computed by the partitions with
   * nn's evaluation and summed.
   *
   * @throws SparkDataException when a column is missing or a row does not fit the model
   */
  public Evaluation evaluate(Dataset<Row> data) {
    RowReader reader = reader(data, labelColumn);
    JavaSparkContext spark = JavaSparkContext.fromSparkContext(data.sparkSession()
        .sparkContext());
    Broadcast<WorkerSpec> spec = spark.broadcast(spec());
    try {
      EvaluationSum sum = SparkJobs.run(() -> TrainingData.shards(data, reader).treeAggregate(
          EvaluationSum.empty(), new EvaluationTask(spec), (x, y) -> x.merge(y), treeDepth));
      return sum.toEvaluation();
    } finally {
      spec.destroy();
    }
  }

  /**
   * Returns a Spark ML transformer that adds the model's predictions (as it is now) to rows with
   * this trainer's features column: the predicted class and the model's outputs.
   */
  public ChainruleTransformer transformer() {
    return ChainruleTransformer.of(model, modelRecipe).setFeaturesCol(featuresColumn);
  }

  /** Returns the model being trained: the driver's master copy. */
  public Model model() {
    return model;
  }

  /**
   * Returns the driver's trainer: its optimizer state is the master state, and it counts the
   * epochs completed.
   */
  public Trainer trainer() {
    return driver;
  }

  /** Returns the training mode. */
  public TrainingMode mode() {
    return mode;
  }

  /** Returns where the time of the last {@code fit} went (zeros before the first). */
  public SparkTimings timings() {
    return timings;
  }

  /** Makes every training task call {@code p} first; the tests' fault injection. */
  void probe(TaskProbe p) {
    this.probe = p;
  }

  private WorkerSpec spec() {
    return new WorkerSpec(UUID.randomUUID().toString(), ShippedModel.of(model, modelRecipe), loss,
        optimizer);
  }

  private RowReader reader(Dataset<Row> rows, String label) {
    String described = model.architecture().map(a -> "the " + a.widths() + " model")
        .orElse("the model " + model.getClass().getSimpleName());
    return RowReader.check(rows.schema(), featuresColumn, label, model.inputSize(),
        model.outputSize(), described).in(model.dtype());
  }

  /**
   * Describes a {@link SparkTrainer}: the loss and optimizer (as recipes, which the executors
   * build their own copies from), the mode, the columns, and for a custom model the recipe that
   * builds its code.
   */
  public static final class Builder {
    private final Model model;
    private Recipe<? extends Model> modelRecipe;
    private Recipe<? extends Loss> loss;
    private Recipe<? extends Optimizer> optimizer;
    private TrainingMode mode = TrainingMode.synchronous();
    private String featuresColumn = "features";
    private String labelColumn = "label";
    private int treeDepth = 2;

    private Builder(Model model) {
      this.model = model;
    }

    /** Sets the loss, e.g. {@code Loss::softmaxCrossEntropy}. */
    public Builder loss(Recipe<? extends Loss> recipe) {
      this.loss = recipe;
      return this;
    }

    /** Sets the optimizer, e.g. {@code () -> Adam.of(1e-3)}. */
    public Builder optimizer(Recipe<? extends Optimizer> recipe) {
      this.optimizer = recipe;
      return this;
    }

    /** Sets the mode; the default is {@link TrainingMode#synchronous()}. */
    public Builder mode(TrainingMode m) {
      this.mode = m;
      return this;
    }

    /** Sets the features column; the default is {@code features}, as Spark ML names it. */
    public Builder featuresColumn(String name) {
      this.featuresColumn = name;
      return this;
    }

    /** Sets the label column; the default is {@code label}, as Spark ML names it. */
    public Builder labelColumn(String name) {
      this.labelColumn = name;
      return this;
    }

    /**
     * Sets the depth of the aggregation tree that sums the partitions' results (Spark's {@code
     * treeAggregate}); the default 2 suits up to a few hundred partitions.
     */
    public Builder treeDepth(int depth) {
      if (depth < 1) {
        throw new IllegalArgumentException("the aggregation tree's depth must be at least 1, got "
            + depth);
      }
      this.treeDepth = depth;
      return this;
    }

    /**
     * Sets how executors build a custom model (one without an architecture, which a {@code
     * Sequential} has): a recipe building a model with the same parameter names and shapes.
     */
    public Builder modelRecipe(Recipe<? extends Model> recipe) {
      this.modelRecipe = recipe;
      return this;
    }

    /**
     * Returns the trainer.
     *
     * @throws IllegalArgumentException when the loss or the optimizer is missing, or a custom
     *     model comes without its recipe
     */
    public SparkTrainer build() {
      if (loss == null || optimizer == null) {
        throw new IllegalArgumentException("a SparkTrainer needs a loss and an optimizer: "
            + ".loss(Loss::softmaxCrossEntropy).optimizer(() -> Adam.of(1e-3))");
      }
      ShippedModel.requireShippable(model, modelRecipe);
      return new SparkTrainer(this);
    }
  }
}
