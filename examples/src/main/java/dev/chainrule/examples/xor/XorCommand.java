package dev.chainrule.examples.xor;

import dev.chainrule.core.exec.Anomaly;
import dev.chainrule.core.tensor.Gemm;
import dev.chainrule.examples.cli.AnomalyOption;
import dev.chainrule.cli.Flags;
import dev.chainrule.examples.cli.Json;
import dev.chainrule.examples.cli.PlotOption;
import dev.chainrule.nn.listeners.ProgressBarListener;
import dev.chainrule.nn.train.TrainingListener;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs seed 001's XOR example and reports how many of the four points it gets right. */
@Command(name = "xor", description = "Seed 001's second example: XOR by a 2-5-1 sigmoid net, "
    + "per-sample SGD.")
public final class XorCommand implements Runnable {
  private static final String[] INPUTS = {"(0,0)", "(0,1)", "(1,0)", "(1,1)"};

  @Option(names = "--seed", description = "Seed of the initial weights and sample order "
      + "(default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--steps", description = "Single-sample SGD steps, as in the seed "
      + "(default: ${DEFAULT-VALUE}).")
  int steps = 10_000;

  @Option(names = "--learning-rate", description = "η (default: ${DEFAULT-VALUE}).")
  double learningRate = 0.5;

  @Option(names = "--hidden", description = "Hidden units (default: ${DEFAULT-VALUE}).")
  int hidden = XorRun.HIDDEN;

  @Mixin
  PlotOption plot = new PlotOption();

  @Option(names = "--json", description = "Print one JSON object instead of the report.")
  boolean json;

  @Mixin
  AnomalyOption anomaly = new AnomalyOption();

  /** Trains and reports. */
  @Override
  public void run() {
    Flags.atLeast("--steps", steps, 1);
    Flags.atLeast("--hidden", hidden, 1);
    Flags.positive("--learning-rate", learningRate);
    XorRun r;
    try (Anomaly.Scope checking = anomaly.scope()) {
      r = XorRun.compute(seed, steps, learningRate, hidden,
          json ? TrainingListener.NONE : ProgressBarListener.wholeRun().consoleOnly());
    }
    Path plotted = plot.write(r.history(), "XOR, 2-" + hidden + "-1 sigmoid, seed " + seed);
    if (json) {
      Map<String, Object> m = asJson(r);
      m.put("plot", plotted == null ? null : plotted.toString());
      Json.print(m, System.out);
      return;
    }
    System.out.printf(Locale.ROOT, "XOR with a 2-%d-1 sigmoid network, %d single-sample steps "
        + "(η = %s, seed %d) in %.2f s%n", hidden, r.steps(), learningRate, seed, r.seconds());
    System.out.printf(Locale.ROOT, "E_total = Σ ½(target − out)²: %.6f before, %.6f after%n",
        r.initialError(), r.error());
    int[] targets = {0, 1, 1, 0};
    for (int i = 0; i < 4; i++) {
      System.out.printf(Locale.ROOT, "  %s → %.4f  (target %d)%n", INPUTS[i], r.outputs()[i],
          targets[i]);
    }
    System.out.println("correct: " + r.correct() + " of 4");
    if (plotted != null) {
      System.out.println(PlotOption.wrote(plotted));
    }
  }

  private Map<String, Object> asJson(XorRun r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("correct", r.correct());
    m.put("outputs", r.outputs());
    m.put("error", r.error());
    m.put("initialError", r.initialError());
    m.put("steps", r.steps());
    m.put("hidden", hidden);
    m.put("learningRate", learningRate);
    m.put("seed", seed);
    m.put("seconds", r.seconds());
    m.put("gemm", Gemm.backend());
    return m;
  }
}
