package dev.chainrule.examples.mazur;

import dev.chainrule.examples.cli.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs seed 001 (Mazur's worked example): the forward pass, the gradients of all eight weights,
 * one gradient-descent step, then 10,000 steps, and checks every number the seed prints.
 */
@Command(name = "mazur", description = "Seed 001: the 2-2-2 worked example, step by step.")
public final class MazurCommand implements Runnable {
  /** The number of training steps the seed reports on. */
  public static final int STEPS = 10_000;

  @Option(names = "--json", description = "Print one JSON object instead of the walkthrough.")
  boolean json;

  /** Computes the seed's quantities and prints them. */
  @Override
  public void run() {
    MazurRun run = MazurRun.compute();
    if (json) {
      Json.print(asJson(run), System.out);
    } else {
      MazurReport.print(run, System.out);
    }
  }

  private static Map<String, Object> asJson(MazurRun run) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("initialError", run.initialError());
    m.put("gradients", byWeight(run.gradients()));
    m.put("weightsAfterStep1", byWeight(run.weightsAfterStep1()));
    m.put("errorAfterStep1", run.errorAfterStep1());
    m.put("errorAfter10000", run.errorAfterSteps());
    m.put("outputsAfter10000", List.of(run.outputsAfterSteps()[0], run.outputsAfterSteps()[1]));
    return m;
  }

  private static Map<String, Double> byWeight(double[] values) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int k = 0; k < values.length; k++) {
      m.put(String.format(Locale.ROOT, "w%d", k + 1), values[k]);
    }
    return m;
  }
}
