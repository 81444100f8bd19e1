package dev.chainrule.examples.formulas;

import dev.chainrule.core.rewrite.GradientForm;
import dev.chainrule.cli.UsageException;
import dev.chainrule.examples.seeds.SeedCatalog;
import dev.chainrule.examples.seeds.SeedNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Prints a seed network's forward and backward passes as equations in the seed's notation,
 * the backward pass simplified and with the fusions the seeds derive by hand (A − Y, P − Y).
 */
@Command(name = "formulas",
    description = "Print an example's forward and backward passes as equations (text or LaTeX).")
public final class FormulasCommand implements Runnable {
  @Parameters(index = "0", paramLabel = "<example>", description = "The example, e.g. mazur.")
  String example;

  @Option(names = "--latex", description = "Print LaTeX instead of Unicode text.")
  boolean latex;

  @Option(names = "--adjoints",
      description = "Print true adjoints of the loss (dZ = ∂J/∂Z) instead of per-sample errors.")
  boolean adjoints;

  @Option(names = "--unfused",
      description = "Leave the loss unfused: show the chain rule through σ′ and log as written.")
  boolean unfused;

  @Option(names = "--logits", description = "Compute the example's cross-entropy from the logits, "
      + "in the stable form nn's losses train with (binaryCrossEntropyWithLogits, log-softmax).")
  boolean logits;

  /** Builds the example and prints its equations. */
  @Override
  public void run() {
    SeedNetwork net = logits ? LogitsLoss.of(build(example)) : build(example);
    GradientForm form = adjoints ? GradientForm.ADJOINTS : GradientForm.PER_SAMPLE;
    FormulaReport report = FormulaReport.of(net, latex, form, !unfused);
    System.out.print(report.render("Formulas of example '" + net.name() + "' (loss "
        + net.loss().name() + ")", latex));
  }

  /** Builds a catalogued example or throws a usage error naming the known ones. */
  static SeedNetwork build(String example) {
    try {
      return SeedCatalog.build(example);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
