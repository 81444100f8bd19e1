package dev.chainrule.examples.shallow;

import dev.chainrule.core.exec.Anomaly;
import dev.chainrule.core.tensor.Gemm;
import dev.chainrule.examples.cli.AnomalyOption;
import dev.chainrule.cli.Flags;
import dev.chainrule.examples.cli.Json;
import dev.chainrule.examples.cli.PlotOption;
import dev.chainrule.cli.UsageException;
import dev.chainrule.examples.compare.ComparisonPrinter;
import dev.chainrule.examples.compare.SeedComparison;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.listeners.ProgressBarListener;
import dev.chainrule.nn.train.TrainingListener;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Trains seed 004's shallow network on the planar flower and reports its accuracy. */
@Command(name = "shallow", description = "Seed 004: the 3-4-1 tanh/sigmoid network on the planar "
    + "flower.")
public final class ShallowCommand implements Runnable {
  @Option(names = "--features", description = "3: (x1, x2, r = √(x1²+x2²)), the seed's 3-4-1; "
      + "2: (x1, x2), a 2-4-1 net (default: ${DEFAULT-VALUE}).")
  int features = ShallowRun.Settings.defaults().features();

  @Option(names = "--hidden", description = "Hidden units (default: ${DEFAULT-VALUE}).")
  int hidden = ShallowRun.Settings.defaults().hidden();

  @Option(names = "--activation", paramLabel = "NAME", description = "Hidden activation: tanh "
      + "(the default), relu, sigmoid or leaky_relu(λ), a leaky ReLU of slope λ such as 0.01.")
  String activation = "tanh";

  @Option(names = "--iterations", description = "Full-batch gradient-descent steps "
      + "(default: ${DEFAULT-VALUE}).")
  int iterations = ShallowRun.Settings.defaults().iterations();

  @Option(names = "--learning-rate", description = "η (default: ${DEFAULT-VALUE}).")
  double learningRate = ShallowRun.Settings.defaults().learningRate();

  @Option(names = "--samples", description = "Points in the flower (default: ${DEFAULT-VALUE}).")
  int samples = ShallowRun.Settings.defaults().samples();

  @Option(names = "--seed", description = "Seed of the flower and the initial weights "
      + "(default: ${DEFAULT-VALUE}).")
  long seed = ShallowRun.Settings.defaults().seed();

  @Mixin
  PlotOption plot = new PlotOption();

  @Option(names = "--json", description = "Print one JSON object instead of the report.")
  boolean json;

  @Mixin
  AnomalyOption anomaly = new AnomalyOption();

  /** Trains and reports. */
  @Override
  public void run() {
    ShallowRun.Settings s = settings();
    ShallowRun r;
    try (Anomaly.Scope checking = anomaly.scope()) {
      r = ShallowRun.compute(s, json ? TrainingListener.NONE
          : ProgressBarListener.wholeRun().consoleOnly());
    }
    Path plotted = plot.write(r.history(), "Seed 004, " + r.architecture() + " on the flower");
    SeedComparison comparison = ShallowVsManual.compare(r, s).orElse(null);
    if (json) {
      Map<String, Object> m = asJson(s, r);
      m.put("maxRelErrorVsManual", comparison == null ? null : comparison.maxRelErrorVsManual());
      m.put("plot", plotted == null ? null : plotted.toString());
      Json.print(m, System.out);
      return;
    }
    System.out.printf(Locale.ROOT, "Seed 004's shallow network %s (%s hidden, sigmoid output) "
        + "on a flower of %d points, %d gradient-descent steps at η = %s: %.2f s%n",
        r.architecture(), s.activation().id(), samples, iterations, learningRate, r.seconds());
    System.out.printf(Locale.ROOT, "cost J: %.6f → %.6f%n", r.initialCost(), r.cost());
    System.out.printf(Locale.ROOT, "accuracy: %.4f on the training flower, %.4f on a fresh one%n",
        r.accuracy(), r.testAccuracy());
    if (plotted != null) {
      System.out.println(PlotOption.wrote(plotted));
    }
    System.out.println();
    if (comparison == null) {
      System.out.println("(the comparison with the seed's formulas needs the seed's 3-4-1 shape "
          + "with tanh or relu hidden units)");
    } else {
      System.out.println("the network's gradients at its initial weights, autograd against seed "
          + "004's formulas:");
      ComparisonPrinter.print(comparison, System.out);
    }
  }

  private ShallowRun.Settings settings() {
    Activation act;
    try {
      act = Activation.parse(activation);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    if (features != 2 && features != 3) {
      throw new UsageException("--features must be 2 (x1, x2) or 3 (x1, x2, r), got " + features);
    }
    Flags.atLeast("--hidden", hidden, 1);
    Flags.atLeast("--iterations", iterations, 1);
    Flags.atLeast("--samples", samples, 2);
    Flags.positive("--learning-rate", learningRate);
    return new ShallowRun.Settings(features, hidden, act, iterations, learningRate, samples, seed);
  }

  private static Map<String, Object> asJson(ShallowRun.Settings s, ShallowRun r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("accuracy", r.accuracy());
    m.put("testAccuracy", r.testAccuracy());
    m.put("cost", r.cost());
    m.put("initialCost", r.initialCost());
    m.put("architecture", r.architecture());
    m.put("features", s.features() == 3 ? "x1, x2, r = sqrt(x1^2 + x2^2)" : "x1, x2");
    m.put("activation", s.activation().id());
    m.put("iterations", r.iterations());
    m.put("learningRate", s.learningRate());
    m.put("samples", s.samples());
    m.put("seed", s.seed());
    m.put("seconds", r.seconds());
    m.put("gemm", Gemm.backend());
    return m;
  }
}
