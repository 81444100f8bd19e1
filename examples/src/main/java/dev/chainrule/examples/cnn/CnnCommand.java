package dev.chainrule.examples.cnn;

import dev.chainrule.cli.DTypeOption;
import dev.chainrule.cli.FashionDataOptions;
import dev.chainrule.cli.Flags;
import dev.chainrule.cli.TrainingOptions;
import dev.chainrule.core.exec.Anomaly;
import dev.chainrule.core.tensor.DType;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Trains a small convolutional network on Fashion-MNIST and reports its test accuracy. */
@Command(name = "cnn", description = "Train a small convolutional network on Fashion-MNIST.")
public final class CnnCommand implements Runnable {
  @Mixin
  FashionDataOptions images = new FashionDataOptions(FashionMnist.defaultDirectory(), 0);

  @Mixin
  TrainingOptions training = new TrainingOptions(5, 64, 1);

  @Option(names = "--learning-rate", description = "Adam's base learning rate, decayed to 0 by a "
      + "cosine schedule (default: ${DEFAULT-VALUE}).")
  double learningRate = 2e-3;

  @Mixin
  PlotOption plot = new PlotOption();

  @Option(names = "--save", paramLabel = "FILE", description = "Save the trained network's "
      + "parameters to this file (ModelFile.loadInto(CnnRun.network(seed), file) reads them; "
      + "export-onnx FILE --example cnn writes them as ONNX).")
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
    int epochs = training.epochs();
    int batchSize = training.batchSize();
    long seed = training.seed();
    int limit = images.limit();
    int validation = images.validation();
    Flags.positive("--learning-rate", learningRate);
    DType type = dtype.dtype();
    if (!json) {
      System.out.printf(Locale.ROOT, "Fashion-MNIST from %s%s: %s, ReLU, softmax cross-entropy, "
          + "Adam at %s (cosine schedule), batches of %d, %d epochs, seed %d, raw pixels, %s%n",
          images.data(), images.limitNote(), CnnRun.ARCHITECTURE, learningRate, batchSize, epochs,
          seed, type);
      System.out.println(CnnRun.network(seed, type));
    }
    CnnRun r;
    try (Anomaly.Scope checking = anomaly.scope()) {
      r = CnnRun.compute(images.data(), limit, validation, epochs, batchSize, learningRate, seed,
          type, json ? TrainingListener.NONE : ProgressBarListener.perEpoch()
              .withSummary(EpochLine.printer(System.out)).consoleOnly());
    }
    Path plotted = plot.write(r.history(), "Fashion-MNIST, " + CnnRun.ARCHITECTURE);
    Path saved = save(r);
    if (json) {
      Map<String, Object> m = asJson(r);
      m.put("dtype", type.toString());
      m.put("plot", plotted == null ? null : plotted.toString());
      m.put("saved", saved == null ? null : saved.toString());
      Json.print(m, System.out);
      return;
    }
    System.out.printf(Locale.ROOT, "trained on %d images (%d held out) in %.1f s: %.2f s per "
        + "epoch%n", r.trainSamples(), r.validationSamples(), r.totalSeconds(),
        r.history().secondsPerEpoch());
    System.out.printf(Locale.ROOT, "test accuracy %.4f, test loss %.4f on %d images%n",
        r.test().accuracy(), r.test().loss(), r.test().samples());
    if (plotted != null) {
      System.out.println(PlotOption.wrote(plotted));
    }
    if (saved != null) {
      System.out.println("parameters saved to " + saved + " (ModelFile.loadInto reads them into "
          + "CnnRun.network(" + training.seed() + "); export-onnx " + saved + " --example cnn "
          + "--out FILE writes them as ONNX)");
    }
  }

  private Path save(CnnRun r) {
    return TrainingOutput.save(r.network(), save);
  }


  private Map<String, Object> asJson(CnnRun r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("testAccuracy", r.test().accuracy());
    m.put("testLoss", r.test().loss());
    m.put("epochs", r.history().epochs().size());
    m.put("secondsPerEpoch", r.history().secondsPerEpoch());
    m.put("totalSeconds", r.totalSeconds());
    m.put("architecture", CnnRun.ARCHITECTURE);
    m.put("parameters", r.network().parameterCount());
    m.put("learningRate", learningRate);
    m.put("batchSize", training.batchSize());
    m.put("seed", training.seed());
    m.put("trainSamples", r.trainSamples());
    m.put("validationSamples", r.validationSamples());
    m.put("testSamples", r.test().samples());
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("gemm", Gemm.backend());
    m.put("history", TrainingOutput.epochs(r.history()));
    return m;
  }
}
