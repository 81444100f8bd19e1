package dev.chainrule.examples.mazur;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints seed 001's walkthrough and the check of every number the seed prints. */
final class MazurReport {
  private MazurReport() {}

  static void print(MazurRun run, PrintStream out) {
    out.println("Seed 001 — Mazur's 2-2-2 network, computed by chainrule (float64)");
    out.println();
    out.printf(Locale.ROOT, "forward:  out_h1 = %.9f   out_h2 = %.9f%n", run.hiddenOutputs()[0],
        run.hiddenOutputs()[1]);
    out.printf(Locale.ROOT, "          out_o1 = %.9f   out_o2 = %.9f%n", run.outputs()[0],
        run.outputs()[1]);
    out.printf(Locale.ROOT, "error:    E_total = %.9f%n", run.initialError());
    out.println();
    out.println("the chain rule for w5 and for w1 (w1's route sums the paths through o1 and o2):");
    var w = run.walkthrough();
    out.printf(Locale.ROOT, "  ∂E/∂w5 = ∂E/∂out_o1 · ∂out_o1/∂net_o1 · ∂net_o1/∂w5 "
        + "= %.9f × %.9f × %.9f = %.9f%n",
        w.get("∂E_total/∂out_o1"), w.get("∂out_o1/∂net_o1"), w.get("∂net_o1/∂w5"),
        run.gradients()[4]);
    out.printf(Locale.ROOT, "  ∂E/∂out_h1 = ∂E_o1/∂out_h1 + ∂E_o2/∂out_h1 = %.9f + %.9f = %.9f%n",
        w.get("∂E_o1/∂out_h1"), w.get("∂E_o2/∂out_h1"), w.get("∂E_total/∂out_h1"));
    out.printf(Locale.ROOT, "  ∂E/∂w1 = ∂E/∂out_h1 · ∂out_h1/∂net_h1 · ∂net_h1/∂w1 "
        + "= %.9f × %.9f × %.9f = %.9f%n",
        w.get("∂E_total/∂out_h1"), w.get("∂out_h1/∂net_h1"), w.get("∂net_h1/∂w1"),
        run.gradients()[0]);
    out.println();
    out.println("gradients by reverse mode, and one step w ← w − 0.5·∂E/∂w:");
    for (int k = 0; k < 8; k++) {
      out.printf(Locale.ROOT, "  ∂E/∂w%d = %+.9f    w%d⁺ = %.9f%n", k + 1, run.gradients()[k],
          k + 1, run.weightsAfterStep1()[k]);
    }
    out.println();
    out.printf(Locale.ROOT, "E_total after 1 step:      %.9f%n", run.errorAfterStep1());
    out.printf(Locale.ROOT, "E_total after %d steps: %.9g, outputs [%.9f, %.9f]%n",
        MazurCommand.STEPS, run.errorAfterSteps(), run.outputsAfterSteps()[0],
        run.outputsAfterSteps()[1]);
    out.println();
    out.println("The seed's printed numbers against chainrule:");
    List<PrintedNumber> numbers = MazurPrintedNumbers.of(run);
    String lastCause = null;
    for (PrintedNumber p : numbers) {
      out.printf(Locale.ROOT, "  %-34s printed %-13s computed %-15.9g %s%n", p.quantity(),
          p.printed(), p.computed(), p.status());
      if (!p.reproduced()) {
        out.println("      cause: " + (p.cause().equals(lastCause) ? "as above" : p.cause()));
        lastCause = p.cause();
      }
    }
  }
}
