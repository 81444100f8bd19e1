package dev.chainrule.examples.custom;

import dev.chainrule.core.exec.Anomaly;
import dev.chainrule.core.tensor.Gemm;
import dev.chainrule.examples.cli.AnomalyOption;
import dev.chainrule.cli.Flags;
import dev.chainrule.examples.cli.Json;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Gradchecks and trains the custom model with a user-written operation. */
@Command(name = "custom-model", description = "A custom model with a user-written op (mish), "
    + "gradchecked, trained on the moons.")
public final class CustomModelCommand implements Runnable {
  @Option(names = "--epochs", description = "Epochs (default: ${DEFAULT-VALUE}).")
  int epochs = 100;

  @Option(names = "--seed", description = "Seed of data and weights (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--json", description = "Print one JSON object instead of the report.")
  boolean json;

  @Mixin
  AnomalyOption anomaly = new AnomalyOption();

  /** Runs the check and the training and reports both. */
  @Override
  public void run() {
    Flags.atLeast("--epochs", epochs, 1);
    CustomModelRun r;
    try (Anomaly.Scope checking = anomaly.scope()) {
      r = CustomModelRun.compute(epochs, seed);
    }
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("gradcheckMaxRelativeError", r.gradcheck().maxRelativeError());
      m.put("gradcheckPasses", r.gradcheck().passes(1e-7));
      m.put("accuracy", r.accuracy());
      m.put("testAccuracy", r.testAccuracy());
      m.put("epochs", r.history().epochs().size());
      m.put("gemm", Gemm.backend());
      Json.print(m, System.out);
      return;
    }
    SkipNetFormulas.lines(CustomModelRun.model(seed)).forEach(System.out::println);
    System.out.println("gradcheck on a batch of 8:");
    System.out.println(r.gradcheck());
    System.out.printf(Locale.ROOT, "after %d epochs on the moons: accuracy %.4f (training), "
        + "%.4f (fresh moons)%n", epochs, r.accuracy(), r.testAccuracy());
  }
}
