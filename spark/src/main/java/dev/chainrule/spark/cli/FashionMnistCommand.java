package dev.chainrule.spark.cli;

import dev.chainrule.cli.DTypeOption;
import dev.chainrule.cli.FashionDataOptions;
import dev.chainrule.cli.Flags;
import dev.chainrule.cli.TrainingOptions;
import dev.chainrule.cli.UsageException;
import dev.chainrule.core.exec.train.Optimizer;
import dev.chainrule.core.exec.train.Sgd;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.nn.data.FashionMnist;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.io.ModelFile;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Sequential;
import dev.chainrule.nn.optim.Adam;
import dev.chainrule.nn.optim.LearningRateSchedule;
import dev.chainrule.nn.optim.Momentum;
import dev.chainrule.nn.train.FitOptions;
import dev.chainrule.nn.train.History;
import dev.chainrule.spark.Recipe;
import dev.chainrule.spark.SparkTrainer;
import dev.chainrule.spark.TrainingMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Trains the examples' Fashion-MNIST MLP (784-256-10, ReLU, He initialisation, softmax
 * cross-entropy, Adam with a cosine schedule, batches of 128, 5,000 images held out,
 * standardised pixels) data-parallel on Spark, in float64 or float32, and reports its test
 * accuracy and its speed.
 */
@Command(name = "fashion-mnist", mixinStandardHelpOptions = true,
    description = "Train the 784-256-10 Fashion-MNIST MLP data-parallel on Spark.")
public final class FashionMnistCommand implements Runnable {
  @Option(names = "--master", description = "Spark master URL, e.g. local[2], local[*], "
      + "spark://host:7077 (default: spark.master as spark-submit sets it, else local[2]).")
  String master;

  @Option(names = "--mode", description = "sync (one summed gradient per batch, equal to one "
      + "machine) or average (local steps, then averaging) (default: ${DEFAULT-VALUE}).")
  String mode = "sync";

  @Option(names = "--local-steps", paramLabel = "K", description = "Local steps between "
      + "averages in average mode (default: ${DEFAULT-VALUE}).")
  int localSteps = 8;

  @Option(names = "--partitions", description = "Partitions of the training data (default: "
      + "Spark's default parallelism, the number of worker threads or cores).")
  Integer partitions;

  @Mixin
  FashionDataOptions images = new FashionDataOptions(FashionMnist.defaultDirectory(), 5000);

  /** --batch-size is the global batch in sync mode, each partition's batch in average mode. */
  @Mixin
  TrainingOptions training = new TrainingOptions(10, 128, 1);

  @Mixin
  DTypeOption dtype = new DTypeOption();

  @Option(names = "--optimizer", description = "adam, momentum or sgd "
      + "(default: ${DEFAULT-VALUE}).")
  String optimizer = "adam";

  @Option(names = "--learning-rate", description = "Base learning rate, falling to 0 over the "
      + "epochs on a cosine (default: 1e-3 for adam, 0.05 for momentum, 0.1 for sgd).")
  Double learningRate;

  @Option(names = "--hidden", description = "Hidden units (default: ${DEFAULT-VALUE}).")
  int hidden = 256;

  @Option(names = "--save", paramLabel = "FILE", description = "Save the trained model (taking "
      + "raw pixels) as a chainrule model file.")
  Path save;

  @Option(names = "--json", description = "Print one JSON object instead of the report.")
  boolean json;

  /** Trains, tests and reports. */
  @Override
  public void run() {
    int epochs = training.epochs();
    int batchSize = training.batchSize();
    long seed = training.seed();
    DType type = dtype.dtype();
    check();
    TrainingMode trainingMode = mode();
    Recipe<Optimizer> rule = optimizer();
    long loading = System.nanoTime();
    FashionData prepared = FashionData.load(images.data(), images.limit(), images.validation(),
        seed);
    double loadSeconds = (System.nanoTime() - loading) / 1e9;
    SparkSession spark = session(master, "chainrule fashion-mnist");
    try {
      int parts = partitions != null ? partitions : spark.sparkContext().defaultParallelism();
      org.apache.spark.sql.Dataset<Row> train = FashionData.rows(spark, prepared.train(), parts);
      Sequential net = Sequential.builder(Layout.ROW, 784).dense(hidden, Activation.relu())
          .dense(10, Activation.softmax()).weights(Initializers.heNormal())
          .biases(Initializers.zeros()).seed(seed).dtype(type).build();
      SparkTrainer trainer = SparkTrainer.builder(net).loss(Loss::softmaxCrossEntropy)
          .optimizer(rule).mode(trainingMode).build();
      if (!json) {
        System.out.printf(Locale.ROOT, "Fashion-MNIST on Spark %s (%s), %d partitions, %s mode:"
            + " 784-%d-10 MLP, %s, batches of %d, %d epochs, seed %d, %s%n", spark.version(),
            spark.sparkContext().master(), parts, trainingMode, hidden,
            trainer.trainer().optimizer().name(), batchSize, epochs, seed, type);
      }
      long fitting = System.nanoTime();
      History h = trainer.fit(train, FitOptions.defaults().epochs(epochs).batchSize(batchSize)
          .shuffled(seed).schedule(LearningRateSchedule.cosine(epochs, 0.0)));
      double total = (System.nanoTime() - fitting) / 1e9;
      SparkRun run = new SparkRun(spark, trainingMode, parts, h, trainer.evaluate(
          FashionData.rows(spark, prepared.test(), parts)), trainer.timings(),
          prepared.train().size(), loadSeconds, total, saved(net, prepared));
      if (json) {
        run.printJson(System.out, trainer.trainer().optimizer().name(), batchSize, type);
      } else {
        run.printReport(System.out);
      }
    } finally {
      spark.stop();
    }
  }

  private void check() {
    Flags.atLeast("--hidden", hidden, 1);
    Flags.atLeast("--local-steps", localSteps, 1);
    if (partitions != null) {
      Flags.atLeast("--partitions", partitions, 1);
    }
  }

  private TrainingMode mode() {
    switch (mode) {
      case "sync":
        return TrainingMode.synchronous();
      case "average":
        return TrainingMode.averaging(localSteps);
      default:
        throw new UsageException("--mode must be sync or average, got " + mode);
    }
  }

  private Recipe<Optimizer> optimizer() {
    double lr = learningRate != null ? learningRate : Map.of("adam", 1e-3, "momentum", 0.05,
        "sgd", 0.1).getOrDefault(optimizer, 0.1);
    Flags.positive("--learning-rate", lr);
    switch (optimizer) {
      case "adam":
        return () -> Adam.of(lr);
      case "momentum":
        return () -> Momentum.of(lr);
      case "sgd":
        return () -> new Sgd(lr);
      default:
        throw new UsageException("--optimizer must be adam, momentum or sgd, got " + optimizer);
    }
  }

  /**
   * Returns the session named {@code name}: on {@code master}, or spark-submit's master, or
   * local[2]; on a local master the driver listens on the loopback address only; no web UI is
   * started unless {@code -Dspark.ui.enabled=true} asks for it.
   */
  static SparkSession session(String master, String name) {
    String url = master != null ? master : System.getProperty("spark.master", "local[2]");
    SparkSession.Builder b = SparkSession.builder().appName(name)
        .master(url).config("spark.ui.enabled", System.getProperty("spark.ui.enabled",
            "false"));
    if (url.startsWith("local")) {
      b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
    }
    return b.getOrCreate();
  }

  /** Saves the model for raw pixels when --save was given; returns the file, else null. */
  private Path saved(Sequential net, FashionData prepared) {
    if (save == null) {
      return null;
    }
    Path file = save.toAbsolutePath().normalize();
    try {
      ModelFile.save(net.foldInputScaling(prepared.scaler()), file);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    return file;
  }
}
