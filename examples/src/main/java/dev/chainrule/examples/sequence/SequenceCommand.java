package dev.chainrule.examples.sequence;

import dev.chainrule.cli.DTypeOption;
import dev.chainrule.cli.Flags;
import dev.chainrule.cli.TrainingOptions;
import dev.chainrule.cli.UsageException;
import dev.chainrule.core.exec.Anomaly;
import dev.chainrule.examples.cli.AnomalyOption;
import dev.chainrule.examples.cli.Json;
import dev.chainrule.examples.cli.PlotOption;
import dev.chainrule.examples.cli.TrainingOutput;
import dev.chainrule.nn.listeners.EpochLine;
import dev.chainrule.nn.listeners.ProgressBarListener;
import dev.chainrule.nn.train.TrainingListener;
import dev.chainrule.nn.train.EpochStats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Trains an LSTM or GRU to add binary numbers digit by digit and reports its test accuracy. */
@Command(name = "sequence", description = "Train an LSTM or GRU to add two binary numbers digit "
    + "by digit (back-propagation through time).")
public final class SequenceCommand implements Runnable {
  /** The digits of each number added unless {@code --bits} says otherwise. */
  public static final int DEFAULT_BITS = 8;
  /** The most digits {@code --bits} takes. */
  public static final int MAX_BITS = 30;

  @Option(names = "--cell", description = "lstm or gru (default: ${DEFAULT-VALUE}).")
  String cell = "gru";

  @Option(names = "--bits", description = "Digits of each number (default: ${DEFAULT-VALUE}).")
  int bits = DEFAULT_BITS;

  @Option(names = "--hidden", description = "Hidden units (default: ${DEFAULT-VALUE}).")
  int hidden = 16;

  @Option(names = "--samples", description = "Training additions (default: ${DEFAULT-VALUE}).")
  int samples = 2000;

  @Option(names = "--test-samples", description = "Test additions (default: ${DEFAULT-VALUE}).")
  int testSamples = 1000;

  @Mixin
  TrainingOptions training = new TrainingOptions(15, 32, 1);

  @Option(names = "--learning-rate", description = "Adam's learning rate "
      + "(default: ${DEFAULT-VALUE}).")
  double learningRate = 0.01;

  @Mixin
  PlotOption plot = new PlotOption();

  @Option(names = "--save", paramLabel = "FILE", description = "Save the trained model's "
      + "parameters to this file (export-onnx FILE --example sequence --bits B writes it as "
      + "ONNX).")
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
    SequenceSettings s = settings();
    if (!json) {
      System.out.printf(Locale.ROOT, "Adding two %d-bit numbers digit by digit: %s, binary "
          + "cross-entropy, Adam at %s with gradients clipped to global norm %s, %d additions in "
          + "batches of %d, %d epochs, seed %d, %s%n", bits, s.description(), learningRate,
          SequenceRun.MAX_GRADIENT_NORM, samples, s.batchSize(), s.epochs(), s.seed(), s.dtype());
    }
    SequenceRun r;
    try (Anomaly.Scope checking = anomaly.scope()) {
      r = SequenceRun.compute(s, json ? TrainingListener.NONE
          : ProgressBarListener.perEpoch().withSummary(EpochLine.printer(System.out))
              .consoleOnly());
    }
    Path plotted = plot.write(r.history(), "Binary addition, " + s.description());
    Path saved = TrainingOutput.save(r.model(), save);
    if (json) {
      Map<String, Object> m = asJson(r);
      m.put("plot", plotted == null ? null : plotted.toString());
      m.put("saved", saved == null ? null : saved.toString());
      Json.print(m, System.out);
      return;
    }
    System.out.printf(Locale.ROOT, "trained on %d additions in %.1f s: %.2f s per epoch%n",
        samples, r.totalSeconds(), r.history().secondsPerEpoch());
    System.out.printf(Locale.ROOT, "test: %.4f of the sums right (every digit), %.4f of the "
        + "digits, on %d fresh additions%n", r.sumAccuracy(), r.digitAccuracy(), r.testSamples());
    if (plotted != null) {
      System.out.println(PlotOption.wrote(plotted));
    }
    if (saved != null) {
      System.out.println("parameters saved to " + saved + " (export-onnx " + saved
          + " --example sequence --bits " + bits + " --out FILE writes them as ONNX)");
    }
  }

  private SequenceSettings settings() {
    if (!cell.equals("lstm") && !cell.equals("gru")) {
      throw new UsageException("--cell must be lstm or gru, got " + cell);
    }
    Flags.atLeast("--bits", bits, 1);
    if (bits > MAX_BITS) {
      throw new UsageException("--bits must be at most " + MAX_BITS + ", got " + bits);
    }
    Flags.atLeast("--hidden", hidden, 1);
    Flags.atLeast("--samples", samples, 1);
    Flags.atLeast("--test-samples", testSamples, 1);
    Flags.positive("--learning-rate", learningRate);
    return new SequenceSettings(cell, bits, hidden, samples, testSamples, training.epochs(),
        training.batchSize(), learningRate, training.seed(), dtype.dtype());
  }

  private static Map<String, Object> asJson(SequenceRun r) {
    SequenceSettings s = r.settings();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sumAccuracy", r.sumAccuracy());
    m.put("digitAccuracy", r.digitAccuracy());
    m.put("testSamples", r.testSamples());
    m.put("cell", s.cell());
    m.put("bits", s.bits());
    m.put("hidden", s.hidden());
    m.put("samples", s.samples());
    m.put("epochs", r.history().epochs().size());
    m.put("batchSize", s.batchSize());
    m.put("learningRate", s.learningRate());
    m.put("maxGradientNorm", SequenceRun.MAX_GRADIENT_NORM);
    m.put("seed", s.seed());
    m.put("dtype", s.dtype().toString());
    m.put("secondsPerEpoch", r.history().secondsPerEpoch());
    m.put("totalSeconds", r.totalSeconds());
    List<Map<String, Object>> epochs = new ArrayList<>();
    for (EpochStats e : r.history().epochs()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("epoch", e.epoch() + 1);
      row.put("trainLoss", e.trainLoss());
      row.put("seconds", e.seconds());
      epochs.add(row);
    }
    m.put("history", epochs);
    return m;
  }
}
