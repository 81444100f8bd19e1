package dev.chainrule.examples.fashion;

import dev.chainrule.cli.DTypeOption;
import dev.chainrule.cli.FashionDataOptions;
import dev.chainrule.cli.Flags;
import dev.chainrule.cli.TrainingOptions;
import dev.chainrule.cli.UsageException;
import dev.chainrule.core.exec.Anomaly;
import dev.chainrule.core.tensor.Gemm;
import dev.chainrule.examples.cli.AnomalyOption;
import dev.chainrule.examples.cli.Json;
import dev.chainrule.examples.cli.PlotOption;
import dev.chainrule.examples.cli.TrainingOutput;
import dev.chainrule.nn.data.FashionMnist;
import dev.chainrule.nn.listeners.EpochLine;
import dev.chainrule.nn.listeners.ProgressBarListener;
import dev.chainrule.nn.train.TrainingListener;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Trains an MLP on Fashion-MNIST and reports its test accuracy and speed. */
@Command(name = "fashion-mnist", description = "Train a 784-256-10 MLP on Fashion-MNIST.")
public final class FashionMnistCommand implements Runnable {
  @Mixin
  FashionDataOptions images = new FashionDataOptions(FashionMnist.defaultDirectory(), 5000);

  @Mixin
  TrainingOptions training = new TrainingOptions(10, 128, 1);

  @Option(names = "--optimizer", description = "adam, momentum or sgd "
      + "(default: ${DEFAULT-VALUE}).")
  String optimizer = "adam";

  @Option(names = "--learning-rate", description = "Base learning rate (default: 1e-3 for adam, "
      + "0.05 for momentum, 0.1 for sgd).")
  Double learningRate;

  @Option(names = "--schedule", description = "cosine, step or constant "
      + "(default: ${DEFAULT-VALUE}).")
  String schedule = "cosine";

  @Option(names = "--hidden", description = "Hidden units (default: ${DEFAULT-VALUE}).")
  int hidden = 256;

  @Option(names = "--patience", description = "Early-stopping patience in epochs, 0 for none "
      + "(default: ${DEFAULT-VALUE}).")
  int patience;

  @Option(names = "--raw", description = "Feed pixels in [0, 1] as they are instead of "
      + "standardising them with the training set's mean and deviation.")
  boolean raw;

  @Mixin
  PlotOption plot = new PlotOption();

  @Option(names = "--save", paramLabel = "FILE", description = "Save the trained model (taking "
      + "raw pixels) to this file, and say where.")
  Path save;

  @Option(names = "--json", description = "Print one JSON object instead of the report.")
  boolean json;

  @Mixin
  AnomalyOption anomaly = new AnomalyOption();

  @Mixin
  DTypeOption dtype = new DTypeOption();

  /** Trains, tests and reports. */
  @Override
  public void run() {
    FashionSettings s = settings();
    if (!json) {
      System.out.printf(Locale.ROOT, "Fashion-MNIST from %s%s: %s MLP, ReLU, softmax "
          + "cross-entropy, %s at %s (%s schedule), batches of %d, %d epochs, seed %d, %s "
          + "pixels, %s%n", s.data(), images.limitNote(), s.architecture(),
          s.optimizer(), s.learningRate(), s.schedule(), s.batchSize(), s.epochs(), s.seed(),
          raw ? "raw" : "standardised", s.dtype());
    }
    FashionRun r;
    try (Anomaly.Scope checking = anomaly.scope()) {
      r = FashionRun.compute(s, json ? TrainingListener.NONE
          : ProgressBarListener.perEpoch().withSummary(EpochLine.printer(System.out))
              .consoleOnly());
    }
    Path plotted = plot.write(r.history(), "Fashion-MNIST, " + r.settings().architecture());
    Path saved = save(r);
    if (json) {
      Map<String, Object> m = asJson(r);
      m.put("plot", plotted == null ? null : plotted.toString());
      m.put("saved", saved == null ? null : saved.toString());
      Json.print(m, System.out);
      return;
    }
    System.out.printf(Locale.ROOT, "trained on %d images (%d held out) in %.1f s: %.2f s per "
        + "epoch%s%n", r.trainSamples(), r.validationSamples(), r.totalSeconds(),
        r.history().secondsPerEpoch(), r.history().stoppedEarly() ? ", stopped early" : "");
    System.out.printf(Locale.ROOT, "test accuracy %.4f, test loss %.4f on %d images%n",
        r.test().accuracy(), r.test().loss(), r.test().samples());
    if (plotted != null) {
      System.out.println(PlotOption.wrote(plotted));
    }
    if (saved != null) {
      System.out.println("model saved to " + saved + " (ModelFile.load reads it back)");
    }
  }

  /** Saves the model when --save was given and returns the file's absolute path, else null. */
  private Path save(FashionRun r) {
    return TrainingOutput.save(r.model(), save);
  }


  private FashionSettings settings() {
    if (!Set.of("adam", "momentum", "sgd").contains(optimizer)) {
      throw new UsageException("--optimizer must be adam, momentum or sgd, got " + optimizer);
    }
    if (!Set.of("cosine", "step", "constant").contains(schedule)) {
      throw new UsageException("--schedule must be cosine, step or constant, got " + schedule);
    }
    double lr = learningRate != null ? learningRate
        : FashionSettings.defaultLearningRate(optimizer);
    Flags.atLeast("--hidden", hidden, 1);
    Flags.atLeast("--patience", patience, 0);
    Flags.positive("--learning-rate", lr);
    return new FashionSettings(images.data(), training.epochs(), training.batchSize(), optimizer,
        lr, schedule, hidden, training.seed(), images.validation(), patience, images.limit(), !raw,
        dtype.dtype());
  }

  private static Map<String, Object> asJson(FashionRun r) {
    FashionSettings s = r.settings();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dtype", s.dtype().toString());
    m.put("testAccuracy", r.test().accuracy());
    m.put("testLoss", r.test().loss());
    m.put("epochs", r.history().epochs().size());
    m.put("secondsPerEpoch", r.history().secondsPerEpoch());
    m.put("totalSeconds", r.totalSeconds());
    m.put("loadSeconds", r.loadSeconds());
    m.put("architecture", s.architecture());
    m.put("optimizer", s.optimizer());
    m.put("learningRate", s.learningRate());
    m.put("schedule", s.schedule());
    m.put("batchSize", s.batchSize());
    m.put("standardized", s.standardize());
    m.put("seed", s.seed());
    m.put("trainSamples", r.trainSamples());
    m.put("validationSamples", r.validationSamples());
    m.put("testSamples", r.test().samples());
    m.put("stoppedEarly", r.history().stoppedEarly());
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("gemm", Gemm.backend());
    m.put("history", TrainingOutput.epochs(r.history()));
    return m;
  }
}
