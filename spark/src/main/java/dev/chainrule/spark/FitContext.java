package dev.chainrule.spark;

import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.train.FitOptions;
import dev.chainrule.nn.train.Trainer;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * Everything one {@link SparkTrainer#fit} shares between its epochs: the Spark context, the
 * broadcast worker spec, the cached training data, the driver's trainer (whose model and optimizer
 * state are the master copy), the options, and the running job count and timings.
 */
final class FitContext {
  private final JavaSparkContext spark;
  private final Broadcast<WorkerSpec> spec;
  private final TrainingData data;
  private final Trainer driver;
  private final FitOptions options;
  private final int treeDepth;
  private final TaskProbe probe;
  private final TimingTotals timings = new TimingTotals();
  private int jobs;

  FitContext(JavaSparkContext spark, Broadcast<WorkerSpec> spec, TrainingData data,
      Trainer driver, FitOptions options, int treeDepth, TaskProbe probe) {
    this.spark = spark;
    this.spec = spec;
    this.data = data;
    this.driver = driver;
    this.options = options;
    this.treeDepth = treeDepth;
    this.probe = probe;
  }

  /** Returns the broadcast worker spec. */
  Broadcast<WorkerSpec> spec() {
    return spec;
  }

  /** Returns the cached training data. */
  TrainingData data() {
    return data;
  }

  /** Returns the driver's trainer. */
  Trainer driver() {
    return driver;
  }

  /** Returns the driver model's parameters, the master copy. */
  List<Parameter> parameters() {
    return driver.model().parameters();
  }

  /** Returns the fit's options. */
  FitOptions options() {
    return options;
  }

  /** Returns the tasks' probe. */
  TaskProbe probe() {
    return probe;
  }

  /** Returns the timings so far. */
  TimingTotals timings() {
    return timings;
  }

  /** Returns the number of the next job and counts it. */
  int nextJob() {
    return jobs++;
  }

  /**
   * Runs one training job: broadcasts {@code value} ({@code bytes} of numbers) to the executors,
   * runs the task that {@code task} makes of the broadcast over every shard, each adding its
   * partition to a copy of {@code zero}, combines the partitions with {@code merge} in a tree of
   * depth {@link SparkTrainer.Builder#treeDepth}, releases the broadcast and records the times.
   */
  <T, U extends Timed> U job(T value, long bytes, Function<Broadcast<T>, Function2<U, Shard, U>>
      task, U zero, Function2<U, U, U> merge) {
    long began = System.nanoTime();
    Broadcast<T> shipped = spark.broadcast(value);
    long broadcast = System.nanoTime() - began;
    Function2<U, Shard, U> perPartition = task.apply(shipped);
    long submitted = System.nanoTime();
    U result = SparkJobs.run(() -> data.shards().treeAggregate(zero, perPartition, merge,
        treeDepth));
    long job = System.nanoTime() - submitted;
    long released = System.nanoTime();
    shipped.destroy();
    timings.job(broadcast + System.nanoTime() - released, job, result.times(), bytes);
    return result;
  }

  /**
   * Throws when the cost of job {@code batch} of epoch {@code epoch} is NaN or infinite, as a
   * single-machine trainer does; the parameters keep the values they had before the job.
   */
  void requireFinite(double cost, int epoch, int batch, double learningRate) {
    if (!Double.isFinite(cost)) {
      throw new IllegalStateException("training diverged: the " + driver.loss().name() + " cost "
          + "of batch " + batch + " in epoch " + epoch + " is " + cost + " (learning rate "
          + learningRate + "); lower the learning rate or use a stable loss from logits; the "
          + "parameters keep the values they had before this batch");
    }
  }
}
