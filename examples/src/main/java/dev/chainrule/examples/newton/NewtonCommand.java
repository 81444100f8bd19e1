package dev.chainrule.examples.newton;

import dev.chainrule.core.check.FormulaComparison;
import dev.chainrule.cli.Flags;
import dev.chainrule.examples.cli.Json;
import dev.chainrule.cli.UsageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Solves logistic regression by Newton's method with the Hessian autograd builds (forward over
 * reverse), against gradient descent, and checks the hand-derived Hessian (1/m)·X·diag(A ∘ (1 −
 * A))·Xᵀ, and two slips of it, against autograd's.
 */
@Command(name = "newton", description = "Logistic regression by Newton's method with autograd's "
    + "Hessian, against gradient descent; the hand-derived Hessian checked.")
public final class NewtonCommand implements Runnable {
  /** The most samples: diag(A ∘ (1 − A)) is a dense m × m matrix. */
  static final int MAX_SAMPLES = 2000;

  @Option(names = "--samples", description = "m, the number of points of the two blobs "
      + "(default: ${DEFAULT-VALUE}).")
  int samples = 200;

  @Option(names = "--seed", description = "Seed of the data (default: ${DEFAULT-VALUE}).")
  long seed = 7;

  @Option(names = "--json", description = "Print one JSON object instead of the report.")
  boolean json;

  /** Runs both methods and the comparisons, and prints them. */
  @Override
  public void run() {
    Flags.atLeast("--samples", samples, 20);
    if (samples > MAX_SAMPLES) {
      throw new UsageException("--samples must be at most " + MAX_SAMPLES + " (the hand-derived "
          + "Hessian's diag(A ∘ (1 − A)) is an m × m matrix), got " + samples);
    }
    NewtonRun r = NewtonRun.compute(samples, seed);
    if (json) {
      Json.print(asJson(r), System.out);
    } else {
      NewtonReport.print(r, System.out);
    }
  }

  private static Map<String, Object> asJson(NewtonRun r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("samples", r.samples());
    m.put("seed", r.seed());
    m.put("hessianFormula", r.hessianFormula());
    Map<String, Object> newton = new LinkedHashMap<>();
    newton.put("steps", r.newtonSteps());
    newton.put("weights", r.newtonWeights());
    newton.put("iterates", r.newton());
    newton.put("hessian", r.hessian());
    m.put("newton", newton);
    Map<String, Object> descent = new LinkedHashMap<>();
    descent.put("steps", r.descentSteps());
    descent.put("learningRate", r.learningRate());
    descent.put("weights", r.descentWeights());
    descent.put("gradientNorm", r.descentGradientNorm());
    m.put("gradientDescent", descent);
    m.put("weightDifference", r.weightDifference());
    List<Map<String, Object>> comparisons = new ArrayList<>();
    for (NewtonRun.Comparison c : r.comparisons()) {
      FormulaComparison report = c.report();
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("at", c.where());
      one.putAll(report.toMap());
      comparisons.add(one);
    }
    m.put("comparisons", comparisons);
    return m;
  }
}
